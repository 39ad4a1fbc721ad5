# Sourced by the C API tests: api_functions HEADER prints the name of every function the header
# declares (each declaration starts with BL_API), one per line, sorted.
api_functions() {
    grep -E '^BL_API ' "$1" | grep -oE '\bbl_[a-z0-9_]+\(' | tr -d '(' | sort -u
}
