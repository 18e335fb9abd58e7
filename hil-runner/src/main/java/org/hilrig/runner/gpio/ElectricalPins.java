package org.hilrig.runner.gpio;

/**
 * Claimed pins in electrical terms (BCM numbers, high or low): the layer under {@link WiredLines}, one
 * implementation per provider. Outputs are at their initial level once claimed. {@link #set} and {@link
 * #isHigh} are called under {@link WiredLines}' lock; edges go to the sink given at {@link #listen}.
 */
interface ElectricalPins extends AutoCloseable {
    /** Drives output {@code bcmPin}; returns once the pin has the level. */
    void set(int bcmPin, boolean high);

    /** The level of a claimed pin now (an output reads back its driven level). */
    boolean isHigh(int bcmPin);

    /** Starts reporting input edges to {@code sink}; called once, before any edge matters. */
    void listen(PinEdgeSink sink);

    /** Releases every pin. */
    @Override
    void close();

    /** Claims pins for a fixture's lines. */
    @FunctionalInterface
    interface Claimer {
        ElectricalPins claim(java.util.List<PinClaim> claims);
    }
}
