package raftkit.handout;

/** How much the build checks its kit. Each level does everything the one before it does. */
public enum CheckLevel {
    /** Only that no solution text survives; no Maven run (the handout's own tests use it on fixture trees). */
    STATIC,
    /** And that the kit compiles ({@code --compile-only}). */
    COMPILE,
    /** And that the stub fails every 3A test quickly and the reference passes them (the default). */
    PART_3A,
    /** The same for every part, 3A to 3E and 3X ({@code --full-check}). */
    FULL
}
