package dev.switchboard.rollout;

/**
 * The steps of a rolling update, in order: update and relink the standby, switch over, update
 * and relink the former active, switch back. {@code side} says on which server a step acts.
 */
public enum RolloutStep {
    PRE_CHECK(Kind.PRE_CHECK, null),
    UPDATE_STANDBY(Kind.UPDATE, Side.STANDBY),
    RELINK_STANDBY(Kind.RELINK, Side.STANDBY),
    SWITCH_OVER(Kind.SWITCH, Side.STANDBY),
    UPDATE_FORMER_ACTIVE(Kind.UPDATE, Side.HOME),
    RELINK_FORMER_ACTIVE(Kind.RELINK, Side.HOME),
    SWITCH_BACK(Kind.SWITCH, Side.HOME),
    FINAL_CHECK(Kind.FINAL_CHECK, null);

    public enum Kind { PRE_CHECK, UPDATE, RELINK, SWITCH, FINAL_CHECK }

    /** The home server (active at the start) or the standby. */
    public enum Side { HOME, STANDBY }

    private final Kind kind;
    private final Side side;

    RolloutStep(Kind kind, Side side) {
        this.kind = kind;
        this.side = side;
    }

    public Kind kind() {
        return kind;
    }

    public Side side() {
        return side;
    }

    public int number() {
        return ordinal();
    }

    public boolean last() {
        return this == FINAL_CHECK;
    }

    public static RolloutStep of(int number) {
        if (number < 0 || number >= values().length) {
            throw new IllegalArgumentException("no step " + number);
        }
        return values()[number];
    }
}
