package dk.barnetslov.tests;

import static dk.barnetslov.tests.Check.contains;
import static dk.barnetslov.tests.Check.equal;
import static dk.barnetslov.tests.Check.raises;
import static dk.barnetslov.tests.Check.that;

import dk.barnetslov.Case;
import dk.barnetslov.Finding;
import dk.barnetslov.InputException;
import dk.barnetslov.Precheck;
import dk.barnetslov.ProposedDecision;
import dk.barnetslov.ProposedEvent;
import dk.barnetslov.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Pre-checks (the cases of tests/capi/precheck_test.c and the Python tests): what blocks, what to include. */
final class PrecheckTests {
    private PrecheckTests() {}

    private static final String HEAD = "<case xmlns='urn:barnetslov:case:1' id='p1'><child id='barn' birth-date='2013-03-09'/><events>"
            + "<underretning id='u1' received-at='2024-04-03T12:00' notifier='private'/>"
            + "<undersoegelse id='bfu1' at='2024-04-08' ref='u1'/>";
    private static final String PREPARED = "<boernesamtale id='bs1' at='2024-06-30'/>"
            + "<information id='i1' at='2024-06-30' party='barn' topic='bisidder'/>"
            + "<partshoering id='ph1' at='2024-06-30' party='barn'/>";
    private static final String TAIL = "</events></case>";

    static void run(Check check, Fixtures fx) {
        Instant asOf = fx.engine.instant(LocalDateTime.of(2024, 7, 1, 0, 0));
        Instant at = fx.engine.instant(LocalDateTime.of(2024, 7, 2, 10, 0));
        ProposedDecision decision = ProposedDecision.of("supportive-measure", at).refs("bfu1").attribute("has-reasons", "true");

        check.test("a decision without the child's views is blocked", () -> {
            try (Case kase = fx.load(HEAD + TAIL, "precheck.xml")) {
                Precheck p = fx.engine.precheck(kase, decision, asOf);
                Finding views = p.blocking().stream().filter(f -> f.ruleId().equals("BL-BARN-VIEWS")).findFirst().orElseThrow();
                equal(Status.VIOLATED, views.status(), "status");
                equal("views_missing", views.reason(), "reason");
                equal("There is no record of the child's views before the decision.", views.message().en(), "message");
                that(!p.mayProceed(), "may not proceed");
                that(p.blocking().stream().allMatch(f -> f.phase() == Finding.Phase.BEFORE && f.isProblem()), "blocking: before-duties not done");
                // Complaint guidance goes with the decision: to include, never blocking.
                that(ids(p.toInclude()).contains("BL-KLAGE-WHO"), "BL-KLAGE-WHO to include");
                that(!ids(p.blocking()).contains("BL-KLAGE-WHO"), "BL-KLAGE-WHO not blocking");
                // Only findings about the proposed decision, judged once it exists.
                that(p.findings().stream().allMatch(f -> f.subjectId().equals(Precheck.PROPOSED_DECISION_ID)
                        || f.events().stream().anyMatch(e -> e.id().equals(Precheck.PROPOSED_DECISION_ID))), "about the decision");
                equal(at, p.asOf(), "as of the decision's time");
                equal(p.findings().size(), p.blocking().size() + p.toInclude().size() + p.deadlines().size() + p.other().size(),
                      "the four lists hold every finding once");
            }
        });

        check.test("a prepared decision has nothing blocking", () -> {
            try (Case kase = fx.load(HEAD + PREPARED + TAIL, "precheck.xml")) {
                Precheck p = fx.engine.precheck(kase, decision, asOf);
                equal(List.of(), p.blocking(), "blocking");
                that(p.mayProceed(), "may proceed");
                equal(Set.of(Status.MET), p.findings().stream().filter(f -> f.ruleId().equals("BL-BARN-VIEWS"))
                        .map(Finding::status).collect(Collectors.toSet()), "views met");
            }
        });

        check.test("a wrong decision kind is the loader's message", () -> {
            try (Case kase = fx.load(HEAD + TAIL, "precheck.xml")) {
                InputException e = raises(InputException.class,
                        () -> fx.engine.precheck(kase, ProposedDecision.of("nonsense", at), asOf), "kind");
                contains(e.getMessage(), "precheck.xml: event 'afgoerelse' attribute 'kind': 'nonsense' is not one of: ", "message");
            }
        });

        check.test("a proposed plan", () -> {
            String xml = HEAD + "<boernesamtale id='bs1' at='2024-06-30'/>"
                    + "<afgoerelse id='d1' at='2024-07-02T10:00' kind='supportive-measure' plan='plan'/>" + TAIL;
            try (Case kase = fx.load(xml, "plan.xml")) {
                ProposedEvent plan = ProposedEvent.of("plan", LocalDate.of(2024, 8, 1)).attribute("kind", "barnets-plan").attribute("ref", "d1");
                Precheck p = fx.engine.precheck(kase, plan, fx.engine.instant(LocalDateTime.of(2024, 7, 3, 0, 0)));
                equal(List.of(Status.MET), p.findings().stream().filter(f -> f.ruleId().equals("BL-PLAN-32"))
                        .map(Finding::status).collect(Collectors.toList()), "BL-PLAN-32");
                that(p.findings().stream().allMatch(f -> f.subjectId().equals(Precheck.PROPOSED_EVENT_ID)
                        || f.events().stream().anyMatch(e -> e.id().equals(Precheck.PROPOSED_EVENT_ID))), "about the plan");
            }
        });
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).collect(Collectors.toList());
    }
}
