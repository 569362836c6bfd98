package io.mockpanel.scenario;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GuidanceListRepository extends JpaRepository<GuidanceListRow, Long> {

    @Query("select g from GuidanceListRow g where lower(g.title) = lower(?1)")
    Optional<GuidanceListRow> findByTitle(String title);

    List<GuidanceListRow> findAllByOrderByPositionAscIdAsc();

    @Query("select coalesce(max(g.position), -1) from GuidanceListRow g")
    int maxPosition();
}
