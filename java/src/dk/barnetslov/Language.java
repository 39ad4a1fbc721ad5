package dk.barnetslov;

/** The languages a finding is explained in (bl_lang, in its order). */
public enum Language {
    EN,
    DA
}
