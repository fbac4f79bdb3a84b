package io.github.sparselr.openml;

/** Hears how a download progresses and may stop it. */
public interface DownloadListener {

    /** Hears nothing, never cancels. */
    DownloadListener NONE = (done, total) -> { };

    /**
     * @param bytesDone bytes received so far
     * @param bytesTotal the announced length, or −1 if the server did not say
     */
    void progress(long bytesDone, long bytesTotal);

    /** Polled while downloading; true stops with a {@link java.util.concurrent.CancellationException}. */
    default boolean cancelRequested() {
        return false;
    }
}
