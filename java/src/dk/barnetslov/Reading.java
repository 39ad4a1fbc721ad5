package dk.barnetslov;

/**
 * A reading of the law a user may choose (the law README's "Readings a user may choose"): its
 * name ("supervision-year"), the value an engine judges by ("calendar") and the default
 * ("placement"). The value differs from the default exactly when it was chosen away from it.
 */
public record Reading(String name, String value, String defaultValue) {
    public boolean isDefault() {
        return value.equals(defaultValue);
    }
}
