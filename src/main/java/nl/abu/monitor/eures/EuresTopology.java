package nl.abu.monitor.eures;

import java.util.HashMap;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.indicator.IndicatorOutput;
import nl.abu.monitor.ingest.EntityKeys;
import nl.abu.monitor.ingest.InputTables;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.EuresMember;
import nl.abu.monitor.state.MemberPlacements;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * {@code eures_placements} and {@code eures_fec_members}. Two families, as their entities differ: each placement
 * counts in {@code eures_placements} by itself (the placements input table is the entity table), while
 * {@code eures_fec_members} counts members: PLACED placements are gathered per memberId and joined with the
 * member's profile.
 */
public final class EuresTopology {
    /** The family of {@code eures_placements}; its entities are the placements. */
    public static final String PLACEMENTS = "eures-placement";
    /** The family of {@code eures_fec_members}; its entities are the members. */
    public static final String MEMBERS = "eures-member";

    /** The placements input table, materialized by {@link InputTables}. */
    static final String PLACEMENTS_STORE = "eures-placements-table";
    static final String MEMBER_PLACEMENTS_STORE = "eures-member-placements";
    static final String MEMBERS_STORE = "eures-members";

    private final InputTables inputs;
    private final PipelineSerdes serdes;
    private final IndicatorOutput output;

    public EuresTopology(InputTables inputs, PipelineSerdes serdes, IndicatorOutput output) {
        this.inputs = inputs;
        this.serdes = serdes;
        this.output = output;
    }

    public void build() {
        KTable<String, EuresPlacement> placements = inputs.of(Topics.EURES_PLACEMENTS);
        output.publish(PLACEMENTS, placements, PLACEMENTS_STORE, EuresPlacementCells::of);

        KTable<String, Member> profiles = inputs.of(Topics.MEMBERS);
        // Outer join: a member's placements are kept while its profile is missing or retracted (it then counts
        // nowhere), and a profile without placements is kept for when they come.
        KTable<String, EuresMember> members = placedByMember(placements).outerJoin(profiles,
                (placed, profile) -> new EuresMember(profile != null && profile.getFairEmploymentCode(),
                        placed == null ? new HashMap<>() : placed.getPlacedOn()),
                Named.as(MEMBERS_STORE),
                serdes.materialized(MEMBERS_STORE, EuresMember.class));
        output.publish(MEMBERS, members, MEMBERS_STORE, EuresMemberCells::of);
    }

    /** The placedOn of each member's PLACED placements, by placement key. */
    private KTable<String, MemberPlacements> placedByMember(KTable<String, EuresPlacement> placements) {
        return placements
                .groupBy((key, p) -> KeyValue.pair(p.getMemberId(), p),
                        Grouped.with("eures-placements-by-member", Serdes.String(), serdes.of(EuresPlacement.class)))
                .aggregate(() -> new MemberPlacements(new HashMap<>()),
                        (member, p, all) -> {
                            if (p.getStatus() == PlacementStatus.PLACED) {
                                all.getPlacedOn().put(EntityKeys.of(p), p.getPlacedOn());
                            } else {
                                all.getPlacedOn().remove(EntityKeys.of(p));
                            }
                            return all;
                        },
                        (member, p, all) -> {
                            all.getPlacedOn().remove(EntityKeys.of(p));
                            return all;
                        },
                        Named.as(MEMBER_PLACEMENTS_STORE),
                        serdes.materialized(MEMBER_PLACEMENTS_STORE, MemberPlacements.class));
    }
}
