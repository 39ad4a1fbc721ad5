package dk.barnetslov;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The C library and the functions of {@code capi/barnetslov.h} this package uses, mapped with JNA
 * (private to the package).
 *
 * <p>The library is looked for in this order: the path in the system property
 * {@code barnetslov.library}; the path in the environment variable {@code BARNETSLOV_LIBRARY} (as
 * the Python binding); {@code libbarnetslov.so.1} on {@code jna.library.path} and the system's
 * loader path, by its soname.
 */
final class Native {
    /**
     * The oldest library with every function declared below (MAJOR * 10000 + MINOR * 100 + PATCH:
     * 0.1.0), checked against bl_version_number() when the class loads. A floor, not the version:
     * it moves only when this binding declares a function a newer library added.
     */
    static final int MIN_VERSION_NUMBER = 100;

    static final String UTF_8 = "UTF-8";

    // bl_status values the binding tells apart (the rest only by name, from bl_status_name).
    static final int BL_OK = 0;
    static final int BL_ERROR_ARGUMENT = 1;
    static final int BL_ERROR_INPUT = 2;
    static final int BL_ERROR_IO = 3;
    static final int BL_ERROR_STATE = 7;

    /** size_t, which JNA has no type of its own for. */
    public static final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(com.sun.jna.Native.SIZE_T_SIZE, value, true);
        }
    }

    /**
     * The versioned structs are filled by their bl_*_init function, which writes the whole struct
     * as the loaded library knows it: a newer library's struct is larger than the fields below.
     * Each struct therefore lives in a block with room to spare, and struct_size is then set to the
     * size this binding knows, so that the library gives its defaults to any field appended since
     * (and fills no more than this binding reads).
     */
    private static final int ROOM_FOR_NEWER_FIELDS = 512;

    /** The common part of the versioned structs. Fields are public because JNA reads them by reflection. */
    public abstract static class Versioned extends Structure {
        public SizeT struct_size;

        Versioned() {
            super(new Memory(ROOM_FOR_NEWER_FIELDS));
            setStringEncoding(UTF_8);
        }

        /** After the bl_*_init call: the defaults are read, struct_size becomes this binding's. */
        void initialised(int status) {
            check(status);
            read();
            struct_size = new SizeT(size());
        }
    }

    @Structure.FieldOrder({"struct_size", "grundlovsdag_off", "juleaftensdag_off", "nytaarsaftensdag_off", "reserved_0", "readings"})
    public static final class EngineOptions extends Versioned {
        public int grundlovsdag_off;
        public int juleaftensdag_off;
        public int nytaarsaftensdag_off;
        public int reserved_0;
        public Pointer readings;

        EngineOptions() {
            initialised(LIB.bl_engine_options_init(this));
        }
    }

    @Structure.FieldOrder({"struct_size", "statuses", "rule_id", "order"})
    public static final class FindingFilter extends Versioned {
        public int statuses;
        public String rule_id;
        public int order;

        FindingFilter() {
            initialised(LIB.bl_finding_filter_init(this));
        }
    }

    @Structure.FieldOrder({"struct_size", "at", "kind", "body", "refs", "attributes"})
    public static final class ProposedDecision extends Versioned {
        public long at;
        public String kind;
        public String body;
        public String refs;
        public Pointer attributes;

        ProposedDecision() {
            initialised(LIB.bl_proposed_decision_init(this));
        }
    }

    @Structure.FieldOrder({"struct_size", "element", "attributes"})
    public static final class ProposedEvent extends Versioned {
        public String element;
        public Pointer attributes;

        ProposedEvent() {
            initialised(LIB.bl_proposed_event_init(this));
        }
    }

    /**
     * One problem of an input error, filled by bl_last_error_problem (the fields struct_size
     * covers; the strings are copied when the call returns). bl_input_problem_init leaves the last
     * error alone, so the struct can be made between a failure and the reading of its problems.
     */
    @Structure.FieldOrder({"struct_size", "code", "message", "source", "line", "column", "element", "event_index", "id", "attribute"})
    public static final class InputProblem extends Versioned {
        public String code;
        public String message;
        public String source;
        public int line;
        public int column;
        public String element;
        public long event_index;
        public String id;
        public String attribute;

        InputProblem() {
            initialised(LIB.bl_input_problem_init(this));
        }
    }

    /** Every function is mapped as the header declares it; enums are int, uint32_t is int. */
    interface Lib extends Library {
        String bl_version();
        int bl_version_number();
        String bl_case_format();

        String bl_status_name(int status);
        String bl_last_error_message();
        int bl_last_error_code();
        void bl_last_error_clear();
        SizeT bl_last_error_problem_count();
        int bl_input_problem_init(InputProblem problem);
        int bl_last_error_problem(InputProblem out, SizeT index);

        int bl_engine_options_init(EngineOptions options);
        int bl_engine_new(PointerByReference out, EngineOptions options);
        void bl_engine_free(Pointer engine);
        SizeT bl_engine_rule_count(Pointer engine);
        SizeT bl_engine_reading_count(Pointer engine);
        int bl_engine_reading(PointerByReference name, PointerByReference value, PointerByReference defaultValue, Pointer engine,
                              SizeT index);

        int bl_case_load_file(PointerByReference out, Pointer engine, String path);
        int bl_case_load_buffer(PointerByReference out, Pointer engine, byte[] data, SizeT size, String sourceName);
        void bl_case_free(Pointer kase);
        String bl_case_id(Pointer kase);
        SizeT bl_case_event_count(Pointer kase);

        int bl_builder_new(PointerByReference out, Pointer engine, String sourceName);
        void bl_builder_free(Pointer builder);
        int bl_builder_case_attribute(Pointer builder, String name, String value);
        int bl_builder_begin_child(Pointer builder);
        int bl_builder_child_attribute(Pointer builder, String name, String value);
        int bl_builder_begin_person(Pointer builder, String element);
        int bl_builder_person_attribute(Pointer builder, String name, String value);
        int bl_builder_begin_event(Pointer builder, String element);
        int bl_builder_event_attribute(Pointer builder, String name, String value);
        int bl_builder_finish(PointerByReference out, Pointer builder);

        int bl_evaluate(PointerByReference out, Pointer engine, Pointer kase, long asOf);
        void bl_report_free(Pointer report);
        SizeT bl_report_count(Pointer report);
        int bl_report_has_problems(Pointer report);
        long bl_report_as_of(Pointer report);
        int bl_report_to_json(PointerByReference out, Pointer size, Pointer report);
        void bl_string_free(Pointer s);
        int bl_report_finding(PointerByReference out, Pointer report, SizeT index);

        String bl_finding_rule_id(Pointer f);
        int bl_finding_status_of(Pointer f);
        String bl_finding_severity(Pointer f);
        String bl_finding_section(Pointer f);
        String bl_finding_confidence(Pointer f);
        String bl_finding_subject_id(Pointer f);
        int bl_finding_subject_line(Pointer f);
        String bl_finding_reason(Pointer f);
        String bl_finding_basis(Pointer f);
        int bl_finding_due(Pointer f, LongByReference due);
        int bl_finding_margin(Pointer f, LongByReference margin, IntByReference unit);
        int bl_finding_text(PointerByReference out, Pointer f, int part, int lang);
        SizeT bl_finding_event_count(Pointer f);
        int bl_finding_event(PointerByReference id, PointerByReference element, IntByReference role, IntByReference line, Pointer f,
                             SizeT index);
        int bl_finding_phase(Pointer f);

        int bl_finding_filter_init(FindingFilter filter);
        int bl_report_findings(PointerByReference out, Pointer report, FindingFilter filter);
        int bl_report_pending(PointerByReference out, Pointer report);
        int bl_report_deadlines_ahead(PointerByReference out, Pointer report);
        int bl_report_open_duties(PointerByReference out, Pointer report);
        int bl_finding_iter_next(PointerByReference out, Pointer iter);
        void bl_finding_iter_free(Pointer iter);

        int bl_proposed_decision_init(ProposedDecision decision);
        int bl_precheck_decision(PointerByReference out, Pointer engine, Pointer kase, ProposedDecision decision, long asOf);
        int bl_proposed_event_init(ProposedEvent event);
        int bl_precheck_event(PointerByReference out, Pointer engine, Pointer kase, ProposedEvent event, long asOf);
        int bl_precheck_findings(PointerByReference out, Pointer report, int list);

        int bl_time_parse(LongByReference out, Pointer engine, String text);
        int bl_time_from_local(LongByReference out, Pointer engine, int year, int month, int day, int hour, int minute, int second);
        int bl_time_format(Pointer out, SizeT size, Pointer engine, long instant);
    }

    static final Lib LIB = load();

    private Native() {}

    private static Lib load() {
        Map<String, Object> options = Map.of(Library.OPTION_STRING_ENCODING, UTF_8);
        List<String> tried = new ArrayList<>();
        for (String name : candidates()) {
            Lib lib;
            try {
                lib = com.sun.jna.Native.load(name, Lib.class, options);
            } catch (UnsatisfiedLinkError e) {
                tried.add(name + ": " + e.getMessage());
                continue;
            }
            if (lib.bl_version_number() < MIN_VERSION_NUMBER) {
                throw new UnsatisfiedLinkError("barnetslov: the C library " + name + " is version " + lib.bl_version()
                                               + ", older than this package needs");
            }
            return lib;
        }
        throw new UnsatisfiedLinkError("barnetslov: cannot load the C library (set the system property barnetslov.library or the "
                                       + "environment variable BARNETSLOV_LIBRARY to the path of libbarnetslov.so.1); tried "
                                       + String.join("; ", tried));
    }

    private static List<String> candidates() {
        String path = System.getProperty("barnetslov.library");
        if (path == null || path.isEmpty()) path = System.getenv("BARNETSLOV_LIBRARY");
        // JNA takes a name without a directory as a library name to search for ("build/libx.so" included).
        if (path != null && !path.isEmpty()) return List.of(new java.io.File(path).getAbsolutePath());
        return List.of("libbarnetslov.so.1");
    }

    /**
     * Throws for a failed call, with this thread's last error: the C API keeps it per thread, and
     * this runs right after the call on the thread that made it.
     */
    static void check(int status) {
        if (status == BL_OK) return;
        String message = LIB.bl_last_error_message();
        String name = LIB.bl_status_name(status); // neither touches the last error
        if (status == BL_ERROR_INPUT || status == BL_ERROR_IO) throw new InputException(status, name, message, problems());
        throw new BarnetslovException(status, name, message);
    }

    /** The last error's problems, one record each, copied before the next call can replace them. */
    private static List<InputException.Problem> problems() {
        long count = LIB.bl_last_error_problem_count().longValue();
        List<InputException.Problem> out = new ArrayList<>();
        InputProblem p = new InputProblem();
        for (long i = 0; i < count && LIB.bl_last_error_problem(p, new SizeT(i)) == 1; ++i) {
            out.add(new InputException.Problem(p.code, p.message, p.source, Integer.toUnsignedLong(p.line),
                                               Integer.toUnsignedLong(p.column), p.element,
                                               p.event_index < 0 ? OptionalLong.empty() : OptionalLong.of(p.event_index), p.id,
                                               p.attribute));
        }
        return out;
    }

    /** A string the C API takes: Java strings may hold NUL, which C would cut the value at. */
    static String c(String s, String what) {
        if (s == null) throw new NullPointerException(what);
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException(what + " may not contain NUL");
        return s;
    }

    /** Name, value pairs as a NULL-terminated char *[] (UTF-8), or NULL for none. */
    static Pointer pairs(Map<String, String> map, String what) {
        if (map.isEmpty()) return null;
        String[] strings = new String[map.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            strings[i++] = c(e.getKey(), what + " name");
            strings[i++] = c(e.getValue(), what + " value");
        }
        return new com.sun.jna.StringArray(strings, UTF_8);
    }

    static String string(Pointer p) {
        return p == null ? "" : p.getString(0, UTF_8);
    }
}
