package io.mockpanel.scenario;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ScenarioRepository extends JpaRepository<Scenario, Long> {

    @Query("select s from Scenario s where lower(s.title) = lower(?1)")
    Optional<Scenario> findByTitle(String title);

    List<Scenario> findAllByOrderByIdAsc();
}
