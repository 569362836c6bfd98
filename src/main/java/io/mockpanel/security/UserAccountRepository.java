package io.mockpanel.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Another account with this address, in any case: addresses are unique regardless of case. */
    boolean existsByEmailIgnoreCaseAndIdNot(String email, long id);

    boolean existsByEmailIgnoreCase(String email);

    List<UserAccount> findAllByOrderByUsernameAsc();

    long countByRoleAndEnabledTrue(AccountRole role);
}
