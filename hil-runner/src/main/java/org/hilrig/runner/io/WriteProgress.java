package org.hilrig.runner.io;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import java.util.concurrent.TimeUnit;
import org.hilrig.timing.Clock;

/**
 * One write on a Netty channel that is waited for while the socket keeps taking its bytes, and given up once
 * the socket has taken none for a time-out (the peer stopped reading): the TCP side of the rig's write
 * deadline. Netty reports a write's progress on a {@link ChannelProgressivePromise} as the socket takes bytes.
 */
final class WriteProgress implements ChannelProgressiveFutureListener {
    private final Clock clock;
    private final ChannelProgressivePromise promise;
    private volatile long taken;
    private volatile long lastProgressNanos;

    private WriteProgress(Channel channel, Clock clock) {
        this.clock = clock;
        this.promise = channel.newProgressivePromise();
        this.lastProgressNanos = clock.nowNanos();
        promise.addListener(this);
    }

    /**
     * Writes {@code bytes} to {@code channel} and waits until the write is done, or until the socket has taken
     * none of them for {@code stallNanos} on {@code clock}. Never call it on the channel's event loop.
     */
    static WriteProgress write(Channel channel, byte[] bytes, long stallNanos, Clock clock) {
        WriteProgress w = new WriteProgress(channel, clock);
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes), w.promise);
        while (true) {
            long left = stallNanos - (clock.nowNanos() - w.lastProgressNanos);
            if (left <= 0 || w.promise.awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                return w;
            }
        }
    }

    /** The write's future; not done when the write stalled. */
    ChannelFuture future() {
        return promise;
    }

    /** True when the socket stopped taking the bytes before the write was done. */
    boolean stalled() {
        return !promise.isDone();
    }

    /** How many of the bytes the socket had taken when the wait ended. */
    long taken() {
        return taken;
    }

    @Override
    public void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
        taken = progress;
        lastProgressNanos = clock.nowNanos();
    }

    @Override
    public void operationComplete(ChannelProgressiveFuture future) {
        // the waiting writer sees it done
    }
}
