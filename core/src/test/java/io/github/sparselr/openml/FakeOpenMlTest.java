package io.github.sparselr.openml;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the client tests that talk to a {@link FakeOpenMl} on loopback: a fresh server and
 * cache folder per test, and a client with short timeouts and {@link #retries()} retries.
 */
abstract class FakeOpenMlTest {

    @TempDir
    Path cache;

    FakeOpenMl server;
    OpenMlClient client;

    /** How often a failed request is tried again, 10 ms apart; none unless a test class says otherwise. */
    int retries() {
        return 0;
    }

    @BeforeEach
    void startTheServer() throws IOException {
        server = new FakeOpenMl();
        client = new OpenMlClient(OpenMlConfig.defaults(cache).withServer(server.root())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
            .withRetries(retries(), retries() == 0 ? Duration.ZERO : Duration.ofMillis(10)));
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }
}
