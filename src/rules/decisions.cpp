// BL-AFG-WRITTEN, BL-AFG-KLVEJL, BL-AFG-ANB-CONTENT, BL-AKT-7D, BL-KLAGE-4W, BL-KLAGE-GENV,
// BL-KLAGE-BUU (catalog part A § 5).
#include <algorithm>

#include "barnetslov/case.hpp"
#include "rules/common.hpp"
#include "rules/parties.hpp"

namespace barnetslov::rules {
namespace {

using namespace rules_detail;

constexpr auto content_statuses = status_bits({Status::met, Status::violated, Status::not_applicable, Status::indeterminate});
constexpr auto deadline_statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending});

// ---- A decision states what the law asks (forvaltningsloven §§ 22, 25; § 46, § 47) ----------

namespace reasons {

// a beslutning, not an afgørelse
constexpr Reason not_an_afgoerelse{
    .key = "not_an_afgoerelse",
    .da = "En beslutning, ikke en afgørelse: forvaltningslovens krav gælder ikke.",
    .en = "A beslutning, not an afgørelse: the Public Administration Act's requirement does not apply.",
};

// a request granted: no reasons or klagevejledning needed
constexpr Reason full_acceptance{
    .key = "full_acceptance",
    .da = "En anmodning blev imødekommet: der kræves hverken begrundelse eller klagevejledning.",
    .en = "A request was granted: neither reasons nor complaint guidance are required.",
};

// decided by Ankestyrelsen or a court
constexpr Reason not_municipal{
    .key = "not_municipal",
    .da = "Truffet af Ankestyrelsen eller en domstol, ikke af kommunen.",
    .en = "Decided by Ankestyrelsen or a court, not by the municipality.",
};

}  // namespace reasons

// A decision granting a request it refers to gives full acceptance (fuldt medhold), which needs
// neither reasons (§ 22) nor complaint guidance (§ 25) — but only towards the party who asked. In a
// child's case the custody holders and the child are parties, so the exemption holds only when a
// custody holder asked and is the only custody holder the case names.
bool grants_a_request(const Case& c, const Event& d) {
    // outcome defaults to granted (vocabulary), so an unstated outcome is a grant too.
    if (d.value(Attr::outcome).value_or(Value::granted) != Value::granted) return false;
    const Event* request = first_ref(c, d, EventType::anmodning);
    const auto who = request ? request->person(Attr::party) : std::nullopt;
    if (!who || c.persons()[*who].role != Value::custody_holder) return false;
    const auto holders = std::count_if(c.persons().begin(), c.persons().end(),
                                       [](const Person& p) { return p.role == Value::custody_holder; });
    return holders == 1;
}

// The forvaltningsloven rules share everything but the flag they read.
class ForvaltningslovenStatement final : public RuleImpl {
public:
    // Every finding is about a decision.
    ForvaltningslovenStatement(const RuleMeta& meta, Attr flag) : RuleImpl(any_decision), meta_(meta), flag_(flag) {}
    const RuleMeta& meta() const override { return meta_; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, meta_, EventType::afgoerelse, [&](const Event& d, Finding& f) {
            const auto body = d.value(Attr::body);
            if (d.value(Attr::form) == Value::beslutning) {
                f.status = Status::not_applicable;
                f.reason = &reasons::not_an_afgoerelse;
            } else if (body == Value::appeals_board || body == Value::court) {
                f.status = Status::not_applicable;
                f.reason = &reasons::not_municipal;
            } else if (grants_a_request(c, d)) {
                f.status = Status::not_applicable;
                f.reason = &reasons::full_acceptance;
                use(f, first_ref(c, d, EventType::anmodning), EventRole::related);
            } else {
                const Attr flags[] = {flag_};
                judge_statements(f, d, flags);
            }
        });
    }

private:
    const RuleMeta& meta_;
    Attr flag_;
};

constexpr RuleVersion fvl22_versions[] = {
    {Law::forvaltningsloven, "§ 22 (§ 24)", far_past, far_future, Confidence::confirmed, "the same before and after 2024"},
};
constexpr StatuteRecord afg_written_statute{
    .rule = "BL-AFG-WRITTEN",
    .read = "forvaltningsloven § 22",
    .not_found = "forvaltningsloven § 24",
    .source = "§ 22: https://danskelove.dk/forvaltningsloven/22; § 24 not found, best secondary source: the Ombudsman, "
              "https://www.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/10-begrundelse",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "A decision given in writing comes with reasons unless it gives the party full acceptance (§ 22). The "
                "Ombudsman gives § 24's content: the legal rules applied, the main considerations of a discretionary "
                "decision, the facts relied on.",
};

constexpr const Reason* afg_written_reasons[] = {
    &reasons::stated, &reasons::not_stated, &reasons::statement_unknown, &reasons::not_an_afgoerelse,
    &reasons::full_acceptance, &reasons::not_municipal,
};

// Judged from the decision's own has-reasons.
constexpr Evidence afg_written_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::has_reasons}};
constexpr RuleMeta afg_written_meta{
    .id = "BL-AFG-WRITTEN", .chapter = "decisions", .title_da = "Begrundelse af afgørelser", .title_en = "A decision gives its reasons", .severity = Severity::error,
    .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: every written afgørelse by the municipality or the børne- og ungeudvalg states its reasons "
    "(has-reasons).",
    .reading = "has-reasons=\"false\" is violated; no has-reasons is indeterminate. A beslutning is not an afgørelse "
    "(not_applicable). Full acceptance (no reasons needed) is read narrowly: a decision granting (outcome defaults to "
    "granted) a request from a custody holder who is the only custody holder in the case; a request from the child or "
    "with two custody holders leaves other parties to whom reasons are owed. The file cannot show whether a grant was "
    "full or partial, so 'granted' is read as fully.",
    .predecessor = "forvaltningsloven § 22 (unchanged)", .versions = fvl22_versions, .statuses = content_statuses,
    .example = R"(<afgoerelse id="d1" at="2024-05-30" kind="supportive-measure" has-reasons="true" has-klagevejledning="true"/>)",
    .reasons = afg_written_reasons,
    .statute = &afg_written_statute,
    .phase = Phase::with,
    .evidence = afg_written_evidence};

constexpr RuleVersion fvl25_versions[] = {
    {Law::forvaltningsloven, "§ 25 stk. 1", far_past, far_future, Confidence::confirmed, "the same before and after 2024"},
};
constexpr StatuteRecord afg_klvejl_statute{
    .rule = "BL-AFG-KLVEJL",
    .not_found = "forvaltningsloven § 25",
    .source = "not found (statute text); best secondary source: the state's administrative guide, "
              "https://pav.medst.dk/forvaltningsret-persondataloven-mv/forvaltningsloven/klagevejledning/",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "An appealable decision given in writing carries guidance on the complaint body and how to complain, "
                "with any time limit, unless it gives full acceptance (§ 25 stk. 1 as paraphrased there).",
};

constexpr const Reason* afg_klvejl_reasons[] = {
    &reasons::stated, &reasons::not_stated, &reasons::statement_unknown, &reasons::not_an_afgoerelse,
    &reasons::full_acceptance, &reasons::not_municipal,
};

// Judged from the decision's own has-klagevejledning.
constexpr Evidence afg_klvejl_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::has_klagevejledning}};
constexpr RuleMeta afg_klvejl_meta{
    .id = "BL-AFG-KLVEJL", .chapter = "decisions", .title_da = "Klagevejledning i afgørelser", .title_en = "A decision carries complaint guidance",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: every appealable written afgørelse carries klagevejledning (has-klagevejledning): where to "
    "complain, how, and the time limit.",
    .reading = "As BL-AFG-WRITTEN: has-klagevejledning=\"false\" is violated, absent indeterminate; beslutninger, decisions of "
    "Ankestyrelsen or a court, and full acceptance of a request are not_applicable. Whether the guidance is "
    "addressed to the child of 10+ as party is BL-KLAGE-WHO.",
    .predecessor = "forvaltningsloven § 25 (unchanged)", .versions = fvl25_versions, .statuses = content_statuses,
    .example = R"(<afgoerelse id="d1" at="2024-05-30" kind="supportive-measure" has-reasons="true" has-klagevejledning="true"/>)",
    .reasons = afg_klvejl_reasons,
    .statute = &afg_klvejl_statute,
    .phase = Phase::with,
    .evidence = afg_klvejl_evidence};

constexpr RuleVersion anb_content_versions[] = {
    {Law::serviceloven, "§ 52, § 58", far_past, barnets_lov_start, Confidence::inferred,
     "the catalog names SEL §§ 52, 58 as predecessors; the same content is assumed"},
    {Law::barnets_lov, "§ 46 stk. 1, § 47 stk. 2", barnets_lov_start, far_future, Confidence::confirmed, ""},
};
constexpr StatuteRecord anb_content_statute{
    .rule = "BL-AFG-ANB-CONTENT",
    .read = "§ 46 stk. 1; § 47 stk. 2",
    .source = "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/46 and "
              "https://www.lovguiden.dk/loven/bekendtgørelse-af-barnets-lov/47",
    .noted_in = "statute-notes.md (§ 47); issue 14 lookup (§ 46)",
    .read_on = december_2026,
    .confirms = "A placement with consent (§ 46 stk. 1, last sentence) and one without (§ 47 stk. 2, last sentence) "
                "both state the placement's purpose and its expected duration.",
};

constexpr const Reason* anb_content_reasons[] = {&reasons::stated, &reasons::not_stated, &reasons::statement_unknown};

// Judged from the decision's own statements.
constexpr Evidence anb_content_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::has_purpose}, {.type = EventType::afgoerelse, .attr = Attr::has_expected_duration}};
constexpr RuleMeta anb_content_meta{
    .id = "BL-AFG-ANB-CONTENT", .chapter = "decisions", .title_da = "Anbringelsesafgørelsens formål og varighed",
    .title_en = "A placement decision states its purpose and expected duration", .severity = Severity::error, .confidence = Confidence::confirmed,
    .convention = Convention::none, .amount = 0,
    .counting = "No deadline: a placement decision (with or without consent, also of an unborn child) states its purpose "
    "(has-purpose) and its expected duration (has-expected-duration).",
    .reading = "Either flag false is violated; either absent (and none false) indeterminate. Decisions of Ankestyrelsen or a "
    "court are not judged. The Serviceloven version is INFERRED from the catalog's predecessor column.",
    .predecessor = "Serviceloven § 52, § 58", .versions = anb_content_versions, .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee" has-purpose="true" has-expected-duration="true"/>)",
    .reasons = anb_content_reasons,
    .statute = &anb_content_statute,
    .phase = Phase::with,
    .evidence = anb_content_evidence};

class PlacementDecisionContent final : public RuleImpl {
public:
    PlacementDecisionContent() : RuleImpl(placement_kinds) {}
    const RuleMeta& meta() const override { return anb_content_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        static constexpr Attr flags[] = {Attr::has_purpose, Attr::has_expected_duration};
        for (std::uint32_t i : c.events_of(EventType::afgoerelse)) {
            const Event& d = c.event(i);
            const auto body = d.value(Attr::body);
            // The municipality's and the committee's own afgørelser; Ankestyrelsen and courts are not judged here.
            if (!ctx.known(d) || !is_placement(decision_kind(d)) || body == Value::appeals_board || body == Value::court ||
                d.value(Attr::form) == Value::beslutning)
                continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, anb_content_meta, d, d.at().day)) continue;
            judge_statements(f, d, flags);
        }
    }
};

// ---- Aktindsigt (forvaltningsloven § 16 stk. 2) ------------------------------------------------

constexpr RuleVersion akt_versions[] = {
    {Law::forvaltningsloven, "§ 16 stk. 2", far_past, far_future, Confidence::confirmed,
     "CONFIRMED through a municipal page (secondary source; primary text not read)"},
};
constexpr StatuteRecord akt_statute{
    .rule = "BL-AKT-7D",
    .not_found = "forvaltningsloven § 16 stk. 2",
    .source = "not found (statute text); best secondary sources: https://www.lejre.dk/borger/boern-unge-og-familie/"
              "boern-og-unge-med-saerlig-behov/hvad-er-mine-rettigheder/aktindsigt (the catalog's [LEJREAKT]) and "
              "https://sonderborgkommune.dk/sagsbehandlingstid (2018)",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "Municipal pages: a request for access not granted or refused within 7 arbejdsdage is answered with the "
                "reason and when a decision can be expected.",
    .conflict = "Possible, unverified: the rule applies 7 arbejdsdage without a start date, but Offentlighedskommissionen's "
                "betænkning (2009, ch. 22: https://www.yumpu.com/da/document/view/17631300/"
                "betaenkning-om-offentlighedsloven-bind-2-justitsministeriet-/192) describes a 10-day rule in "
                "offentlighedsloven § 16 stk. 2 before the 2013 reform; whether forvaltningsloven § 16 stk. 2 also "
                "said 10 days before 2014 was not confirmed.",
};

constexpr Evidence akt_evidence[] = {{.type = EventType::aktindsigt_svar}};
constexpr RuleMeta akt_meta{
    .id = "BL-AKT-7D", .chapter = "decisions", .title_da = "Svar på anmodning om aktindsigt inden 7 arbejdsdage",
    .title_en = "Access to files decided, or the delay explained, within 7 working days", .severity = Severity::warning,
    .confidence = Confidence::confirmed, .convention = Convention::hverdage_after, .amount = 7,
    .counting = "7 arbejdsdage after the day the request was received (that day is day 0), counted as hverdage; the "
    "deadline is the end of the 7th. Lateness in hverdage, late or missed alike: the hverdage after the deadline up "
    "to and including the day of the answer (or the as-of day), that day counted as one even when it is not a "
    "hverdag (law README, the hverdage row).",
    .reading = "Any answer counts (aktindsigt-svar kind=\"afgoerelse\", or a letter on why it takes longer and when to expect "
    "it, kind=\"other\"); arbejdsdage are counted like hverdage, with the same holidays.",
    .predecessor = "forvaltningsloven § 16 stk. 2 (unchanged)", .versions = akt_versions, .statuses = deadline_statuses,
    .example = R"(<aktindsigt-anmodning id="ak1" at="2024-08-01" party="far"/>
<aktindsigt-svar id="ak1-svar" at="2024-08-08" ref="ak1" kind="afgoerelse"/>)",
    .changed_from = "a missed answer's overdue time was in calendar days, and lateness ending on a non-hverdag counted zero hverdage",
    .statute = &akt_statute,
    .evidence = akt_evidence};

class Aktindsigt7Days final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return akt_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for_each_trigger(c, ctx, out, akt_meta, EventType::aktindsigt_anmodning, [&](const Event& request, Finding& f) {
            const std::uint32_t i = request.index();
            const Event* answer = first_referrer(c, i, EventType::aktindsigt_svar, ctx);
            use(f, answer, EventRole::fulfilment);
            const Deadline d = detail::make_deadline(akt_meta, request.at(), ctx.calendar);
            judge_by(f, d, answer, ctx);
        });
    }
};

// ---- Complaints (retssikkerhedsloven §§ 66-67, 73) ----------------------------------------------

namespace reasons {

constexpr Reason complaint_in_time{
    .key = "complaint_in_time",
    .da = "Klagen kom inden for klagefristen.",
    .en = "The complaint came within the time limit.",
};

constexpr Reason complaint_late{
    .key = "complaint_late",
    .da = "Klagen kom efter klagefristen; Ankestyrelsen kan se bort fra overskridelsen.",
    .en = "The complaint came after the time limit; Ankestyrelsen may disregard that.",
};

// no notification channel, so no deemed receipt
constexpr Reason receipt_unknown{
    .key = "receipt_unknown",
    .da = "Sagen oplyser ikke, hvordan afgørelsen blev sendt ('notification-channel'), så modtagelsestidspunktet kendes ikke.",
    .en = "The file does not say how the decision was sent ('notification-channel'), so its deemed receipt is unknown.",
};

// the complaint names no decision
constexpr Reason complaint_target_unknown{
    .key = "complaint_target_unknown",
    .da = "Klagen henviser ikke til en afgørelse.",
    .en = "The complaint does not refer to a decision.",
};

// a committee decision: complaint goes straight to Ankestyrelsen
constexpr Reason complaint_not_for_municipality{
    .key = "complaint_not_for_municipality",
    .da = "Klage over børne- og ungeudvalgets afgørelse går direkte til Ankestyrelsen.",
    .en = "A complaint about a committee decision goes straight to Ankestyrelsen.",
};

// the municipality changed its decision itself, in time
constexpr Reason complaint_upheld{
    .key = "complaint_upheld",
    .da = "Kommunen gav klageren medhold ved genvurderingen inden fristen.",
    .en = "The municipality upheld the complaint at its re-assessment, in time.",
};

// RSL § 66: partly upheld, the day the complaint was maintained not on file
constexpr Reason partial_agreement{
    .key = "partial_agreement",
    .da = "Kommunen gav delvist medhold; sagen oplyser ikke, hvornår klageren fastholdt klagen "
            "(complaint-maintained-at), som fristen for videresendelse regnes fra.",
    .en = "The municipality partly agreed; the file does not say when the complainant maintained the complaint "
            "(complaint-maintained-at), which the forwarding deadline runs from.",
};

}  // namespace reasons

// The decision a complaint is about.
const Event* complained_decision(const Case& c, const Event& complaint) {
    return first_ref(c, complaint, EventType::afgoerelse);
}

// Opens a finding about a complaint and returns the decision it is about; nullptr when there is
// nothing more to judge (no version applies, or the complaint names no decision: indeterminate).
const Event* open_complaint_finding(Finding& f, const RuleMeta& meta, const Case& c, const Event& complaint) {
    if (!open_finding(f, meta, complaint, complaint.at().day)) return nullptr;
    const Event* d = complained_decision(c, complaint);
    if (!d) {
        f.status = Status::indeterminate;
        f.reason = &reasons::complaint_target_unknown;
        return nullptr;
    }
    use(f, d, EventRole::related);
    return d;
}

std::optional<DeliveryChannel> channel_of(const Event& d) {
    switch (d.value(Attr::notification_channel).value_or(Value::none_)) {
        case Value::digital: return DeliveryChannel::digital;
        case Value::in_person: return DeliveryChannel::in_person;
        case Value::post: return DeliveryChannel::post;
        case Value::quickpost: return DeliveryChannel::quickpost;
        default: return std::nullopt;
    }
}

constexpr RuleVersion klage_4w_versions[] = {
    {Law::retssikkerhedsloven, "§ 67 stk. 1", far_past, far_future, Confidence::confirmed,
     "4 weeks; barnets lov § 144's reference to it INFERRED; the move to the next hverdag UNCONFIRMED"},
};
constexpr StatuteRecord klage_4w_statute{
    .rule = "BL-KLAGE-4W",
    .not_found = "RSL § 67",
    .source = "not found (statute text); best secondary sources: Ankestyrelsen, "
              "https://ast.dk/for-borgere-med-en-klagesag/din-sag-i-ankestyrelsen/klagevejledning-og-tidsfrister and "
              "https://ast.dk/nyheder/nyheder/nyheder-2018/y-vejledning-om-beregning-af-klagefrister; "
              "https://www.3f.dk/fagforening/syg/klag-over-afgoerelse; JM vejl. 9533/2018 as summarised at "
              "https://www.hjulmandkaptain.dk/viden/nyheder/hvad-er-fristen-i-en-klagesag/",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "4 weeks from notification of the decision; digital post is received the day it is sent, physical post "
                "6 hverdage after its dating; the day of receipt is not counted, and a deadline ending on a Saturday, "
                "Sunday or public holiday moves to the next hverdag (JM vejl. 9533/2018, secondary).",
    .conflict = "A marker, not the substance: statute-notes.md would raise the holiday extension from UNCONFIRMED to "
                "INFERRED on JM vejl. 9533/2018; the law README, which holds, and the rule keep UNCONFIRMED.",
};

constexpr const Reason* klage_4w_reasons[] = {
    &reasons::complaint_in_time, &reasons::complaint_late, &reasons::receipt_unknown,
    &reasons::complaint_target_unknown,
};

// The complaint is judged against the receipt of the decision, which needs its notification-channel.
constexpr Evidence klage_4w_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::notification_channel}};
constexpr RuleMeta klage_4w_meta{
    .id = "BL-KLAGE-4W", .chapter = "decisions", .title_da = "Klagefrist 4 uger", .title_en = "The citizen's 4 weeks to complain", .severity = Severity::info,
    .confidence = Confidence::confirmed, .convention = Convention::weeks_after, .amount = 4,
    .counting = "4 weeks (28 days) from the deemed receipt of the decision, counted from the letter's dating — the day it was "
    "sent (notified-at) where the file records it, else the decision's date: digital post and delivery in person "
    "that day, ordinary post 6 hverdage after it (reading receipt-post-hverdage), Quickpost 2 days after it "
    "(receipt-quickpost-days). A last day that is not a hverdag moves to the next hverdag (citizen's deadlines "
    "only).",
    .reading = "Information about the citizen's deadline, never counted against the municipality: it decides whether a "
    "complaint must be handled or may be refused as late. The move to the next hverdag is UNCONFIRMED for this "
    "area. Without notification-channel the deemed receipt is unknown: indeterminate.",
    .predecessor = "retssikkerhedsloven § 67 (unchanged)", .versions = klage_4w_versions,
    .statuses = status_bits({Status::met, Status::late, Status::indeterminate}),
    .example = R"(<afgoerelse id="d1" at="2024-06-27" kind="supportive-measure" notified-at="2024-06-27" notification-channel="digital"/>
<klage id="kl1" at="2024-07-10" ref="d1" party="mor"/>)",
    .changed_from = "deemed receipt by post counted from the decision's date with fixed channel days",
    .reasons = klage_4w_reasons,
    .statute = &klage_4w_statute,
    .evidence = klage_4w_evidence};

class Complaint4Weeks final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return klage_4w_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::klage)) {
            const Event& complaint = c.event(i);
            if (!ctx.known(complaint)) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            const Event* d = open_complaint_finding(f, klage_4w_meta, c, complaint);
            if (!d) continue;
            const auto channel = channel_of(*d);
            if (!channel) {
                f.status = Status::indeterminate;
                f.reason = &reasons::receipt_unknown;
                continue;
            }
            const LocalDay sent = d->date(Attr::notified_at).value_or(d->at().day);
            const LocalDay received = deemed_receipt(ctx.calendar, sent, *channel, ctx.readings.receipt);
            Deadline dl = detail::make_deadline(klage_4w_meta, Moment{{}, received, false}, ctx.calendar);
            const LocalDay moved = ctx.calendar.next_hverdag_from(dl.due_day);
            if (moved != dl.due_day) {
                detail::set_due_day(dl, moved, ctx.calendar);
                dl.moved_to_hverdag = true;
            }
            // A complaint may come before the decision is deemed received: it is in time.
            detail::judge(f, dl, complaint.at(), ctx, detail::Earlier::in_time);
            f.reason = f.status == Status::met ? &reasons::complaint_in_time : &reasons::complaint_late;
        }
    }
};

constexpr RuleVersion genv_versions[] = {
    {Law::retssikkerhedsloven, "§ 66", far_past, far_future, Confidence::confirmed,
     "forwarding within 4 weeks CONFIRMED (Ankestyrelsen); after a partial re-assessment, the 4 weeks from the day the "
     "complaint is maintained CONFIRMED-OLD (BEK 1128/2015 § 13)"},
};
constexpr StatuteRecord genv_statute{
    .rule = "BL-KLAGE-GENV",
    .not_found = "RSL § 66",
    .source = "not found (statute text); best secondary sources: DUKH Praksisnyt 50 (25 Feb 2025), "
              "https://www.dukh.dk/Guides-og-Praksisnyt/@58/Praksisnyt-50---Genvurdering-i-klagesager; Ankestyrelsen, "
              "https://ast.dk/for-borgere-med-en-klagesag/din-sag-i-ankestyrelsen/klagevejledning-og-tidsfrister",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "The complaint goes to the deciding municipality, which assesses whether to give full or partial "
                "medhold; a maintained decision goes with the files to Ankestyrelsen at the latest 4 weeks after the "
                "complaint was received; committee decisions go straight to Ankestyrelsen. What follows a partial "
                "medhold today was not found (CONFIRMED-OLD only).",
};

constexpr const Reason* genv_reasons[] = {
    &reasons::complaint_target_unknown, &reasons::complaint_not_for_municipality, &reasons::complaint_upheld,
    &reasons::partial_agreement,
};

constexpr Evidence genv_evidence[] = {{.type = EventType::genvurdering}, {.type = EventType::oversendelse}};
constexpr RuleMeta genv_meta{
    .id = "BL-KLAGE-GENV", .chapter = "decisions", .title_da = "Genvurdering og videresendelse af klage inden 4 uger",
    .title_en = "Complaint re-assessed and, if maintained, forwarded within 4 weeks", .severity = Severity::error, .confidence = Confidence::confirmed_old,
    .convention = Convention::weeks_after, .amount = 4,
    .counting = "4 weeks (28 days) after the municipality received the complaint — after a partly upheld re-assessment, after "
    "the day the complaint was maintained — ending at the end of that day; no move to a hverdag (that applies to "
    "the citizen's deadline only).",
    .reading = "Fulfilled by the forwarding (oversendelse) when the decision is maintained, and by the re-assessment "
    "(genvurdering outcome=\"upheld\") when the municipality gives full acceptance. Where it partly agrees "
    "(outcome=\"partly-upheld\"), the 4 weeks to forward run from the day the complainant said the complaint is "
    "maintained (genvurdering complaint-maintained-at); without that day the finding is indeterminate (partial "
    "agreement) — CONFIRMED-OLD (the old retssikkerhedsbekendtgørelse's steps; the current text not read). "
    "Complaints about committee decisions, or filed with Ankestyrelsen, are not_applicable.",
    .predecessor = "retssikkerhedsloven § 66 (unchanged)", .versions = genv_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::not_applicable, Status::indeterminate}),
    .example = R"(<klage id="kl1" at="2024-07-10" ref="d1" party="mor"/>
<genvurdering id="gv1" at="2024-07-24" ref="kl1" outcome="maintained"/>
<oversendelse id="ov1" at="2024-07-25" ref="kl1"/>)",
    .changed_from = "a partly upheld complaint ran its 4 weeks from the complaint",
    .reasons = genv_reasons,
    .statute = &genv_statute,
    .evidence = genv_evidence};

class ComplaintReassessment final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return genv_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::klage)) {
            const Event& complaint = c.event(i);
            if (!ctx.known(complaint)) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            const Event* d = open_complaint_finding(f, genv_meta, c, complaint);
            if (!d) continue;
            if (by_committee(*d) || complaint.value(Attr::received_by) == Value::appeals_board) {
                f.status = Status::not_applicable;
                f.reason = &reasons::complaint_not_for_municipality;
                continue;
            }
            const Event* review = first_referrer(c, i, EventType::genvurdering, ctx);
            const bool upheld = review && review->value(Attr::outcome) == Value::upheld;
            const bool partly = review && review->value(Attr::outcome) == Value::partly_upheld;
            const Event* done = upheld ? review : first_referrer(c, i, EventType::oversendelse, ctx);
            if (review && !upheld) use(f, review, EventRole::related);
            use(f, done, EventRole::fulfilment);
            Moment start = complaint.at();
            if (partly) {
                // Partial agreement: the complaint goes on only once the complainant maintains it, and the 4
                // weeks run from that day; a file without it cannot show when they ran.
                const auto maintained = review->moment(Attr::complaint_maintained_at);
                if (!maintained) {
                    f.status = Status::indeterminate;
                    f.reason = &reasons::partial_agreement;
                    f.attribute = Attr::complaint_maintained_at;
                    continue;
                }
                start = *maintained;
            }
            start.has_time = false;
            const Deadline dl = detail::make_deadline(genv_meta, start, ctx.calendar);
            judge_by(f, dl, done, ctx);
            if (upheld && f.status == Status::met) f.reason = &reasons::complaint_upheld;
        }
    }
};

constexpr RuleVersion buu_versions[] = {
    {Law::retssikkerhedsloven, "§ 73 (SEL § 168)", far_past, barnets_lov_start, Confidence::confirmed_old, "8 weeks"},
    {Law::barnets_lov, "§§ 146-148", barnets_lov_start, far_future, Confidence::unconfirmed,
     "8 weeks CONFIRMED (Ankestyrelsen); the sections, and whether the clock starts at receipt, UNCONFIRMED"},
};
constexpr StatuteRecord buu_statute{
    .rule = "BL-KLAGE-BUU",
    .not_found = "§§ 146-148",
    .source = "not found; best secondary sources: Ankestyrelsen, https://ast.dk/born-familie/hvad-handler-din-klage-om/"
              "sager-om-born-og-unge/din-sag-om-anbringelse-af-born-og-unge; the old 8 weeks, "
              "https://danskelove.dk/retssikkerhedsloven/73",
    .noted_in = issue14_lookup,
    .read_on = issue14_lookup_day,
    .confirms = "Ankestyrelsen says it has 8 weeks to decide a complaint about a committee decision, at an ankemøde "
                "with a child expert present; old RSL § 73 set the same 8 weeks. The barnets lov paragraph and the day "
                "the 8 weeks start are not confirmed.",
};

constexpr const Reason* buu_reasons[] = {&reasons::complaint_target_unknown};

// Ankestyrelsen's ruling: a decision of body appeals-board.
constexpr Evidence buu_evidence[] = {{.type = EventType::afgoerelse, .attr = Attr::body}};
constexpr RuleMeta buu_meta{
    .id = "BL-KLAGE-BUU", .chapter = "decisions", .title_da = "Ankestyrelsens afgørelse af klage over børne- og ungeudvalget inden 8 uger",
    .title_en = "Ankestyrelsen decides a complaint about a committee decision within 8 weeks", .severity = Severity::info,
    .confidence = Confidence::confirmed, .convention = Convention::weeks_after, .amount = 8,
    .counting = "8 weeks (56 days) after the complaint was received, ending at the end of that day.",
    .reading = "Ankestyrelsen's duty, reported as information and never counted against the municipality. The clock starts at "
    "the complaint's date in the file (its receipt), which is the catalog's UNCONFIRMED starting point. Fulfilled by "
    "a decision with body=\"appeals-board\" that refers to the complaint.",
    .predecessor = "retssikkerhedsloven § 73 / SEL § 168", .versions = buu_versions,
    .statuses = status_bits({Status::met, Status::late, Status::missed, Status::pending, Status::indeterminate}),
    .example = R"(<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee"/>
<klage id="kl2" at="2024-09-10" ref="d3" party="mor" received-by="appeals-board"/>
<afgoerelse id="ast1" at="2024-10-29" kind="complaint-decision" body="appeals-board" ref="kl2"/>)",
    .reasons = buu_reasons,
    .statute = &buu_statute,
    .evidence = buu_evidence};

class CommitteeComplaint8Weeks final : public RuleImpl {
public:
    const RuleMeta& meta() const override { return buu_meta; }
    void evaluate(const Case& c, const EvalContext& ctx, Findings& out) const override {
        for (std::uint32_t i : c.events_of(EventType::klage)) {
            const Event& complaint = c.event(i);
            if (!ctx.known(complaint)) continue;
            const Event* d = complained_decision(c, complaint);
            if (d && !by_committee(*d)) continue;  // a complaint about the administration: BL-KLAGE-GENV
            if (!d && complaint.value(Attr::received_by) != Value::appeals_board) continue;
            auto f_slot = out.add();
            Finding& f = *f_slot;
            if (!open_finding(f, buu_meta, complaint, complaint.at().day)) continue;
            if (!d) {
                f.status = Status::indeterminate;
                f.reason = &reasons::complaint_target_unknown;
                continue;
            }
            use(f, d, EventRole::related);
            const Event* ruling = nullptr;
            for (std::uint32_t r : c.referrers(i)) {
                const Event& e = c.event(r);
                if (e.type() == EventType::afgoerelse && e.value(Attr::body) == Value::appeals_board && ctx.known(e)) {
                    ruling = &e;
                    break;
                }
            }
            use(f, ruling, EventRole::fulfilment);
            Moment start = complaint.at();
            start.has_time = false;
            const Deadline dl = detail::make_deadline(buu_meta, start, ctx.calendar);
            judge_by(f, dl, ruling, ctx);
        }
    }
};

}  // namespace

const Rule& decision_reasons() {
    static const ForvaltningslovenStatement rule(afg_written_meta, Attr::has_reasons);
    return rule;
}

const Rule& decision_klagevejledning() {
    static const ForvaltningslovenStatement rule(afg_klvejl_meta, Attr::has_klagevejledning);
    return rule;
}

const Rule& placement_decision_content() {
    static const PlacementDecisionContent rule;
    return rule;
}

const Rule& aktindsigt_7_days() {
    static const Aktindsigt7Days rule;
    return rule;
}

const Rule& complaint_4_weeks() {
    static const Complaint4Weeks rule;
    return rule;
}

const Rule& complaint_reassessment() {
    static const ComplaintReassessment rule;
    return rule;
}

const Rule& committee_complaint_8_weeks() {
    static const CommitteeComplaint8Weeks rule;
    return rule;
}

}  // namespace barnetslov::rules

// ---- BL-KLAGE-WHO and BL-ADV: who is told what about a decision ----------------------------------

namespace barnetslov::rules {
namespace {

using namespace rules_detail;


constexpr RuleVersion who_versions[] = {
    {Law::serviceloven, "§§ 166-168", far_past, barnets_lov_start, Confidence::confirmed_old, "the child's own complaint right from 12 (SEL § 167)"},
    {Law::barnets_lov, "§§ 3, 144-150", barnets_lov_start, far_future, Confidence::confirmed,
     "the child's own complaint right from 10 in § 3's case types; the distribution over §§ 144-150 UNCONFIRMED"},
};
constexpr StatuteRecord who_statute{
    .rule = "BL-KLAGE-WHO",
    .read = "§ 3",
    .not_found = "§§ 144-150",
    .source = "§ 3: https://regelrytter.dk/barnets-lov/3; §§ 144-150 not found, best secondary source: Ankestyrelsen, "
              "https://ast.dk/born-familie/hvad-handler-din-klage-om/sager-om-born-og-unge/"
              "din-sag-om-anbringelse-af-born-og-unge",
    .noted_in = "statute-notes.md (§ 3); issue 14 lookup (§§ 144-150, Ankestyrelsen)",
    .read_on = december_2026,
    .confirms = "§ 3 lists the case types in which a child of 10 is a party; Ankestyrelsen names who may complain of a "
                "committee decision: custody holders, children over 10, and the non-custodial parent the decision "
                "concerns. How §§ 144-150 divide the complaint rules is not known.",
};

constexpr const Reason* who_reasons[] = {
    &reasons::custody_holder_unknown, &reasons::age_unknown, &reasons::all_informed, &reasons::not_all_informed,
};

constexpr Evidence who_evidence[] = {{.type = EventType::information}};
constexpr RuleMeta who_meta{
    .id = "BL-KLAGE-WHO", .chapter = "decisions", .title_da = "Klagevejledning til alle klageberettigede", .title_en = "Complaint guidance to everyone who may complain",
    .severity = Severity::error, .confidence = Confidence::confirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: each custody holder, and in § 3's case types the child of 10+ (12+ before 2024), receives the "
    "decision with klagevejledning.",
    .reading = "Received means an information event topic=\"complaint-rights\" to that person that names the decision in ref "
    "(sent with it, any date). Beslutninger, decisions of Ankestyrelsen or a court, and full acceptance of a "
    "request are outside it. A non-custodial parent in § 105 cases is part B's BL-SAMV-BUU-105. BL-BARN-KLAGE10 is "
    "an alias of this rule.",
    .predecessor = "Serviceloven §§ 166-168", .versions = who_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<afgoerelse id="d1" at="2024-05-30" kind="supportive-measure" has-klagevejledning="true"/>
<information id="i5" at="2024-05-30" party="mor" topic="complaint-rights" ref="d1"/>
<information id="i6" at="2024-05-30" party="barn" topic="complaint-rights" ref="d1"/>)",
    .reasons = who_reasons,
    .statute = &who_statute,
    .phase = Phase::with,
    .evidence = who_evidence};

bool appealable(const Case& c, const Event& d, std::uint8_t) {
    const auto body = d.value(Attr::body);
    return d.value(Attr::form) != Value::beslutning && body != Value::appeals_board && body != Value::court &&
           !grants_a_request(c, d);
}

bool child_may_complain(const Event& d, std::uint8_t) { return section_3_case_type(d, d.at().day >= l87_assumed); }

constexpr RuleVersion adv_versions[] = {
    {Law::serviceloven, "§ 72", far_past, barnets_lov_start, Confidence::confirmed_old, "the custody holder and the young person of 12+"},
    {Law::barnets_lov, "§ 140", barnets_lov_start, far_future, Confidence::unconfirmed,
     "the age (10) and the list of cases are UNCONFIRMED; 10 is INFERRED from §§ 3, 141, 142"},
};
constexpr StatuteRecord adv_statute{
    .rule = "BL-ADV",
    .not_found = "§ 140",
    .source = "not found; best secondary source: old SEL § 72, https://danskelove.dk/serviceloven/72 (custody holder "
              "and young person of 12+, eleven case types)",
    .noted_in = statute_notes,
    .read_on = december_2026,
    .confirms = "Only that a lawyer takes part in committee cases (§ 142 stk. 2 names 'advokaten'). The age under "
                "barnets lov (10 is INFERRED) and the case list are not confirmed.",
};

constexpr const Reason* adv_reasons[] = {
    &reasons::custody_holder_unknown, &reasons::age_unknown, &reasons::all_informed, &reasons::not_all_informed,
};

constexpr Evidence adv_evidence[] = {{.type = EventType::tilbud}};
constexpr RuleMeta adv_meta{
    .id = "BL-ADV", .chapter = "decisions", .title_da = "Tilbud om gratis advokatbistand", .title_en = "Free legal aid offered before a coercive decision",
    .severity = Severity::error, .confidence = Confidence::unconfirmed, .convention = Convention::none, .amount = 0,
    .counting = "No deadline: before a decision of the børne- og ungeudvalg, each custody holder and the child of 10+ (12+ "
    "before 2024) have been offered a lawyer free of charge.",
    .reading = "Offered means a tilbud event topic=\"lawyer\" to that person dated no later than the decision. The cases are "
    "read as all decisions of the børne- og ungeudvalg (the old SEL § 72 list maps onto them); the age of 10 under "
    "barnets lov is INFERRED.",
    .predecessor = "Serviceloven § 72 (age 12)", .versions = adv_versions,
    .statuses = status_bits({Status::met, Status::violated, Status::indeterminate}),
    .example = R"(<tilbud id="tl2" at="2024-08-12" party="mor" topic="lawyer"/>
<tilbud id="tl3" at="2024-08-12" party="barn" topic="lawyer"/>
<afgoerelse id="d3" at="2024-08-27" kind="placement-without-consent" body="committee"/>)",
    .changed_from = "any earlier offer of a lawyer naming no decision counted, however old and whatever decision it came before",
    .reasons = adv_reasons,
    .statute = &adv_statute,
    .phase = Phase::before,
    .evidence = adv_evidence};

bool committee_decision(const Case&, const Event& d, std::uint8_t) { return d.value(Attr::body) == Value::committee; }

}  // namespace

const Rule& complaint_guidance_to_parties() {
    static const TellParties rule(who_meta,
                                  {EventType::information, Value::complaint_rights, true, true, {12, 10}, appealable, child_may_complain},
                                  any_decision);
    return rule;
}

const Rule& legal_aid_offer() {
    static const TellParties rule(adv_meta, {EventType::tilbud, Value::lawyer, true, false, {12, 10}, committee_decision},
                                  KindSet{Value::committee});
    return rule;
}

}  // namespace barnetslov::rules
