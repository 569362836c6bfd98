package io.mockpanel.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.mockpanel.base.NamedUser;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The shell around every signed-in view: a drawer with the menu entries the user may open (built
 * from {@code @Menu}), the current view's title, and the user's name with a sign-out button.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();
    /** The drawer was folded away for a full-width view and should come back after it. */
    private boolean drawerFoldedForView;

    MainLayout(AuthenticationContext authenticationContext) {
        setPrimarySection(Section.DRAWER);
        addClassName("main-layout");

        viewTitle.addClassName("view-title");
        var toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        addToNavbar(toggle, viewTitle);

        var brand = new Div(new Icon(VaadinIcon.USERS), new Span("mockpanel"));
        brand.addClassName("brand");

        var nav = new SideNav();
        nav.setLabel("Main");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(navItem(entry)));
        var scroller = new Scroller(nav);
        scroller.addClassName("nav-scroller");

        addToDrawer(brand, scroller, userFooter(authenticationContext));
    }

    private static SideNavItem navItem(MenuEntry entry) {
        return entry.icon() == null
                ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }

    private static Div userFooter(AuthenticationContext authenticationContext) {
        var footer = new Div();
        footer.addClassName("user-footer");
        // a candidate's principal is no UserDetails: it gets no user footer (and never this shell's pages)
        authenticationContext.getAuthenticatedUser(Object.class).filter(UserDetails.class::isInstance)
                .map(UserDetails.class::cast).ifPresent(user -> {
            String name = displayNameOf(user);
            var avatar = new Avatar(name);
            var who = new Div(new Span(name), roleBadge(user));
            who.addClassName("user-who");
            var signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), e -> authenticationContext.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            signOut.setId("sign-out");
            footer.add(avatar, who, signOut);
        });
        return footer;
    }

    private static Span roleBadge(UserDetails user) {
        String role = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5).toLowerCase())
                .findFirst().orElse("");
        var badge = new Span(role);
        badge.addClassName("user-role");
        return badge;
    }

    private static String displayNameOf(UserDetails user) {
        return user instanceof NamedUser named ? named.displayName() : user.getUsername();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
        if (getContent() instanceof FullWidthView) {
            if (isDrawerOpened()) {
                setDrawerOpened(false);
                drawerFoldedForView = true;
            }
        } else if (drawerFoldedForView) {
            drawerFoldedForView = false;
            // On a phone the drawer is an overlay and stays closed; on a desktop it comes back.
            if (!isOverlay()) {
                setDrawerOpened(true);
            }
        }
    }
}
