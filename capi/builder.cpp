// The case builder: bl_builder_* drives barnetslov::CaseBuilder, the same builder the XML loader
// drives, so a wrong value gets the same check and the same message either way. What only a
// call-by-call API can get wrong (calls out of order, a builder used twice) is checked here.
#include "internal.hpp"

using namespace barnetslov;
using namespace bl_detail;

namespace {

enum class Element { none, child, person, event };

const char* element_word(Element e) {
    switch (e) {
        case Element::child: return "child";
        case Element::person: return "party or sibling";
        case Element::event: return "event";
        case Element::none: break;
    }
    return "case";
}

}  // namespace

struct bl_builder {
    CaseBuilder builder;
    Element open = Element::none;
    bool accepted = false;  // whether the open element's begin call was accepted
    bool spent = false;     // bl_builder_finish was called
    bl_builder(std::string source, const Calendar& calendar) : builder(std::move(source), calendar) {}
};

namespace {

// The status of a builder call: the errors it added (one per line), if any.
bl_status result(bl_builder& b, std::size_t errors_before, bool accepted) {
    const auto& errors = b.builder.errors();
    if (errors.size() > errors_before) return input_errors(errors, errors_before);
    // CaseBuilder stops recording after Limits::max_errors but still refuses the value.
    if (!accepted) return failf(BL_ERROR_INPUT, "too many errors; only the first {} are kept", errors.size());
    return ok();
}

bl_status usable(const bl_builder* b, const char* function) {
    if (!b) return failf(BL_ERROR_ARGUMENT, "{}: builder is NULL", function);
    if (b->spent) return failf(BL_ERROR_STATE, "{}: the builder is finished; start a new one", function);
    return BL_OK;
}

template <class Begin>
bl_status begin(bl_builder* b, const char* function, Element kind, Begin&& call) {
    if (const bl_status s = usable(b, function); s != BL_OK) return s;
    return guarded(function, [&] {
        const std::size_t before = b->builder.errors().size();
        b->open = kind;
        b->accepted = call();
        return result(*b, before, b->accepted);
    });
}

using AttributeCall = bool (CaseBuilder::*)(std::string_view, std::string_view, SourceLocation);

bl_status attribute(bl_builder* b, const char* function, Element kind, AttributeCall call, const char* name, const char* value) {
    if (const bl_status s = usable(b, function); s != BL_OK) return s;
    if (!name || !value) return failf(BL_ERROR_ARGUMENT, "{}: name and value must not be NULL", function);
    return guarded(function, [&] {
        if (kind != Element::none && b->open != kind) {
            // Recorded as well, so that the case cannot be finished without the attribute.
            b->builder.add_error({}, fmt::format("{} attribute {} given outside its element", element_word(kind), shown(name)));
            return failf(BL_ERROR_STATE, "{}: no {} element is open (call its bl_builder_begin_* first); "
                                                    "attribute {} refused", function, element_word(kind), shown(name));
        }
        if (kind != Element::none && !b->accepted)
            return failf(BL_ERROR_INPUT, "{}: attribute {} ignored: its {} element was refused (see the error "
                                                    "of the begin call)", function, shown(name), element_word(kind));
        const std::size_t before = b->builder.errors().size();
        const bool accepted = (b->builder.*call)(name, value, SourceLocation{});
        return result(*b, before, accepted);
    });
}

}  // namespace

extern "C" {

bl_status bl_builder_new(bl_builder** out, const bl_engine* engine, const char* source_name) {
    if (out) *out = nullptr;
    if (!out || !engine) return fail(BL_ERROR_ARGUMENT, "bl_builder_new: out and engine must not be NULL");
    return guarded("bl_builder_new", [&] {
        *out = new bl_builder(source_name ? source_name : "<memory>", engine->engine.calendar());
        return ok();
    });
}

void bl_builder_free(bl_builder* builder) { delete builder; }

bl_status bl_builder_case_attribute(bl_builder* b, const char* name, const char* value) {
    return attribute(b, "bl_builder_case_attribute", Element::none, &CaseBuilder::case_attribute, name, value);
}

bl_status bl_builder_begin_child(bl_builder* b) {
    return begin(b, "bl_builder_begin_child", Element::child, [&] { return b->builder.begin_child(); });
}

bl_status bl_builder_child_attribute(bl_builder* b, const char* name, const char* value) {
    return attribute(b, "bl_builder_child_attribute", Element::child, &CaseBuilder::child_attribute, name, value);
}

bl_status bl_builder_begin_person(bl_builder* b, const char* element) {
    if (b && !element) return fail(BL_ERROR_ARGUMENT, "bl_builder_begin_person: element must not be NULL");
    return begin(b, "bl_builder_begin_person", Element::person, [&] { return b->builder.begin_person(element); });
}

bl_status bl_builder_person_attribute(bl_builder* b, const char* name, const char* value) {
    return attribute(b, "bl_builder_person_attribute", Element::person, &CaseBuilder::person_attribute, name, value);
}

bl_status bl_builder_begin_event(bl_builder* b, const char* element) {
    if (b && !element) return fail(BL_ERROR_ARGUMENT, "bl_builder_begin_event: element must not be NULL");
    return begin(b, "bl_builder_begin_event", Element::event, [&] { return b->builder.begin_event(element); });
}

bl_status bl_builder_event_attribute(bl_builder* b, const char* name, const char* value) {
    return attribute(b, "bl_builder_event_attribute", Element::event, &CaseBuilder::event_attribute, name, value);
}

bl_status bl_builder_finish(bl_case** out, bl_builder* b) {
    if (out) *out = nullptr;
    if (!out) return fail(BL_ERROR_ARGUMENT, "bl_builder_finish: out is NULL");
    if (const bl_status s = usable(b, "bl_builder_finish"); s != BL_OK) return s;
    return guarded("bl_builder_finish", [&] {
        b->spent = true;
        std::shared_ptr<const Case> kase = b->builder.finish();
        if (!kase) return input_errors(b->builder.errors());
        *out = new bl_case{std::move(kase)};
        return ok();
    });
}

}  // extern "C"
