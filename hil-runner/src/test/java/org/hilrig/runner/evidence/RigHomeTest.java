package org.hilrig.runner.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RigHomeTest {
    @TempDir
    Path tmp;

    @Test
    void theOptionWinsOverHilHomeWhichWinsOverTheUsersHome() {
        Path user = Path.of("/home/tech");

        assertThat(RigHome.locate(Path.of("/opt/rig"), Map.of("HIL_HOME", "/srv/hil"), user).dir())
                .isEqualTo(Path.of("/opt/rig"));
        assertThat(RigHome.locate(null, Map.of("HIL_HOME", "/srv/hil"), user).dir()).isEqualTo(Path.of("/srv/hil"));
        assertThat(RigHome.locate(null, Map.of("HIL_HOME", " "), user).dir()).isEqualTo(Path.of("/home/tech/.hil"));
        assertThat(RigHome.locate(null, Map.of(), user).dir()).isEqualTo(Path.of("/home/tech/.hil"));
    }

    @Test
    void aRigIdIsMadeOnceAndSurvivesANewKey() {
        RigHome home = new RigHome(tmp.resolve("rig"));
        assertThat(home.existingRigId()).isEmpty();

        String id = home.rigId();
        RigKey.generate().save(home.privateKeyFile(), home.publicKeyFile());

        assertThat(id).matches("rig-[0-9a-f]{32}");
        assertThat(home.rigId()).isEqualTo(id);
        assertThat(home.existingRigId()).contains(id);
    }

    @Test
    void threadsAskingANewRigForItsIdAtOnceAllGetTheSameOne() throws Exception {
        RigHome home = new RigHome(tmp.resolve("rig"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(pool.submit(() -> {
                go.await();
                return home.rigId();
            }));
        }
        go.countDown();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (java.util.concurrent.Future<String> f : ids) {
            distinct.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(distinct).containsExactly(home.rigId());
        assertThat(tmp.resolve("rig")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void thePrivateKeyIsReadableByItsOwnerOnly() throws Exception {
        RigHome home = new RigHome(tmp.resolve("rig"));
        RigKey key = RigKey.generate();
        key.save(home.privateKeyFile(), home.publicKeyFile());

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.privateKeyFile()))).isEqualTo("rw-------");
        assertThat(home.key()).get().extracting(RigKey::fingerprint).isEqualTo(key.fingerprint());
    }
}
