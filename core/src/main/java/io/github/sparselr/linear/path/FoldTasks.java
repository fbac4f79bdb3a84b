package io.github.sparselr.linear.path;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks of a cross-validated path on a pool of its own and waits for all of them. The first
 * failure (a cancellation included) stops the others through {@link SharedProgress}, and is rethrown
 * once every thread of the pool has ended.
 */
final class FoldTasks {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private FoldTasks() {
    }

    /**
     * @param tasks the tasks, each polling {@code shared} within its fits
     * @param threads the most threads to run at once, ≥ 1
     * @return the tasks' results, in the tasks' order
     */
    static <T> List<T> runAll(final List<Callable<T>> tasks, final int threads, final SharedProgress shared) {
        final List<Thread> started = Collections.synchronizedList(new ArrayList<>());
        final ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()),
            namedDaemons("sparselr-path-" + POOLS.incrementAndGet() + "-", started));
        final List<T> results = new ArrayList<>(Collections.nCopies(tasks.size(), null));
        Throwable failure = null;
        try {
            final CompletionService<T> done = new ExecutorCompletionService<>(pool);
            final Map<Future<T>, Integer> order = new HashMap<>();
            for (int i = 0; i < tasks.size(); i++) {
                final Callable<T> task = tasks.get(i);
                order.put(done.submit(() -> {
                    shared.throwIfStopped();
                    return task.call();
                }), i);
            }
            for (int finished = 0; finished < tasks.size(); finished++) {
                final Future<T> future = done.take();
                try {
                    results.set(order.get(future), future.get());
                } catch (ExecutionException e) {
                    failure = e.getCause();
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new CancellationException("The cross-validated path was interrupted.");
        } finally {
            shared.stop();
            pool.shutdownNow();
            awaitTermination(pool, started);
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        return results;
    }

    /**
     * Waits until every thread of the pool has ended: the pool's termination, then each thread's own end
     * (a worker is still alive for a moment after the pool has terminated). An interrupt meanwhile is
     * kept for the caller.
     */
    private static void awaitTermination(final ExecutorService pool, final List<Thread> started) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        synchronized (started) {
            for (final Thread thread : started) {
                while (thread.isAlive()) {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory namedDaemons(final String prefix, final List<Thread> started) {
        final AtomicInteger count = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            started.add(thread);
            return thread;
        };
    }
}
