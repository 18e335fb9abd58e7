package org.hilrig.device.protocol;

/**
 * Receives what a {@link FrameDecoder} decodes, on the thread that feeds the decoder, in arrival order.
 * Implementations should hand over and return; they must not feed the same decoder re-entrantly.
 */
public interface DecodeListener {
    /** A valid frame arrived. */
    void frame(ReceivedFrame frame);

    /** Input was discarded by a receiver rule. */
    void discarded(DiscardedInput discarded);
}
