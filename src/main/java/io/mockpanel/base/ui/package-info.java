/** The application shell (menu, user, logout) and small components shared by the features' views. */
@NullMarked
@NamedInterface("ui")
package io.mockpanel.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
