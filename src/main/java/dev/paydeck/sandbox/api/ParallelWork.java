package dev.paydeck.sandbox.api;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Independent pieces of work done a few at once, on virtual threads, with the addresses of hosted pages of the
 * thread that asked ({@link HostedPages}); returns once every piece is done. Each piece handles its own failure.
 */
public final class ParallelWork {

    private ParallelWork() {
    }

    public static <T> void forEach(List<T> pieces, int atOnce, Consumer<T> work) {
        if (pieces.size() <= 1 || atOnce <= 1) {
            pieces.forEach(work);
            return;
        }
        String hostedBase = HostedPages.base();
        Semaphore permits = new Semaphore(atOnce);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T piece : pieces) {
                permits.acquireUninterruptibly();
                threads.execute(() -> {
                    try {
                        HostedPages.runOn(hostedBase, () -> work.accept(piece));
                    } finally {
                        permits.release();
                    }
                });
            }
        }
    }
}
