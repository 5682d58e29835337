package io.hostmod.runtime.tests;

import static io.hostmod.runtime.ModuleException.BAD_OPTION;
import static io.hostmod.runtime.ModuleException.MISSING_OPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hostmod.runtime.ModuleException;
import io.hostmod.runtime.ModuleState;
import io.hostmod.runtime.ServerConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Typed options read through a module's context: the host's value, else the global section's,
 * else the module's default; each value read as the type the module asks for; a badly typed or
 * missing option fails the load, naming the host and the key, and leaves nothing loaded.
 *
 * <p>{@code upload} requires {@code upload_directory} (read in its constructor) and reads its
 * limits in {@code @Load}; the shared {@code conference} reads {@code conference_max_rooms} for
 * each host in {@code @AddHost}.
 */
class OptionsTest extends ManagerTestBase {

  private static final String DIRECTORY = "/srv/upload";

  @Test
  void optionsAreReadAsTheTypesTheModuleAsksFor() {
    configure(
        ServerConfig.builder()
            .option("upload_directory", DIRECTORY)
            .option("upload_max_bytes", 5_000_000_000L)
            .option("upload_quota", 20)
            .option("upload_expiry_days", 1.5)
            .option("upload_public_links", true)
            .build());

    manager.load(A, "upload");

    UploadModule upload = manager.instance(A, UploadModule.class);
    assertEquals(DIRECTORY, upload.directory);
    assertEquals(5_000_000_000L, upload.maxBytes);
    assertEquals(20, upload.quota);
    assertEquals(1.5, upload.expiryDays);
    assertTrue(upload.publicLinks);
  }

  @Test
  void wholeNumbersAreReadAsLongAndDoubleToo() {
    configure(
        ServerConfig.builder()
            .option("upload_directory", DIRECTORY)
            .option("upload_max_bytes", 2048)
            .option("upload_expiry_days", 3)
            .build());

    manager.load(A, "upload");

    UploadModule upload = manager.instance(A, UploadModule.class);
    assertEquals(2048L, upload.maxBytes);
    assertEquals(3.0, upload.expiryDays);
  }

  @Test
  void hostValueOverridesTheGlobalOneWhichOverridesTheDefault() {
    configure(
        ServerConfig.builder()
            .option("upload_directory", DIRECTORY)
            .option("upload_quota", 20)
            .host(A, a -> a.option("upload_directory", "/srv/a").option("upload_quota", 5))
            .host(B)
            .build());

    manager.load(A, "upload");
    manager.load(B, "upload");

    UploadModule onA = manager.instance(A, UploadModule.class);
    UploadModule onB = manager.instance(B, UploadModule.class);
    assertEquals("/srv/a", onA.directory);
    assertEquals(5, onA.quota);
    assertEquals(DIRECTORY, onB.directory);
    assertEquals(20, onB.quota);
    assertEquals(UploadModule.DEFAULT_MAX_BYTES, onB.maxBytes);
    assertEquals(UploadModule.DEFAULT_EXPIRY_DAYS, onB.expiryDays);
    assertFalse(onB.publicLinks);
    assertEquals(UploadModule.DEFAULT_TYPES, onB.allowedTypes);
  }

  @Test
  void listOptionIsReadAsAListOfItsElementTypeAndASingleValueAsAListOfOne() {
    configure(
        ServerConfig.builder()
            .option("upload_directory", DIRECTORY)
            .option("upload_allowed_types", List.of("image/png", "video/mp4"))
            .host(A)
            .host(B, b -> b.option("upload_allowed_types", "text/plain"))
            .build());

    manager.load(A, "upload");
    manager.load(B, "upload");

    assertEquals(
        List.of("image/png", "video/mp4"), manager.instance(A, UploadModule.class).allowedTypes);
    assertEquals(List.of("text/plain"), manager.instance(B, UploadModule.class).allowedTypes);
  }

  static Stream<Arguments> badlyTypedValues() {
    return Stream.of(
        Arguments.of("upload_quota", "many", "\"many\" (a String)", "Integer"),
        Arguments.of("upload_quota", 3_000_000_000L, "3000000000 (a Long)", "Integer"),
        Arguments.of("upload_max_bytes", 1.5, "1.5 (a Double)", "Long"),
        Arguments.of("upload_expiry_days", "soon", "\"soon\" (a String)", "Double"),
        Arguments.of("upload_public_links", "yes", "\"yes\" (a String)", "Boolean"),
        Arguments.of("upload_directory", 42, "42 (a Long)", "String"),
        Arguments.of(
            "upload_allowed_types",
            List.of("image/png", 3),
            "[image/png, 3] (a list)",
            "list of String"));
  }

  @ParameterizedTest(name = "{0} = {2}")
  @MethodSource("badlyTypedValues")
  void badlyTypedValueFailsTheLoadNamingHostKeyAndWhereItWasSet(
      String key, Object value, String shown, String readAs) {
    configure(
        ServerConfig.builder()
            .option("upload_directory", DIRECTORY)
            .host(A, a -> a.option(key, value))
            .host(B)
            .build());

    ModuleException failure = fails(BAD_OPTION, () -> manager.load(A, "upload"));

    assertReport(
        failure, "upload", A, "option '" + key + "'", shown, "set in host 'a.example'", readAs);
    assertNothingOfUploadLoaded(A);
    // The host without the bad value loads it.
    manager.load(B, "upload");
  }

  @Test
  void badlyTypedGlobalValueNamesTheGlobalSection() {
    configure(
        ServerConfig.builder()
            .option("upload_directory", DIRECTORY)
            .option("upload_quota", "many")
            .build());

    ModuleException failure = fails(BAD_OPTION, () -> manager.load(B, "upload"));

    assertReport(failure, "upload", B, "option 'upload_quota'", "set in the global section");
  }

  @Test
  void missingRequiredOptionFailsTheLoadNamingHostAndKey() {
    configure(
        ServerConfig.builder().host(A).host(B, b -> b.option("upload_directory", DIRECTORY)).build());

    ModuleException failure = fails(MISSING_OPTION, () -> manager.load(A, "upload"));

    assertReport(failure, "upload", A, "option 'upload_directory'", "host 'a.example'");
    assertNothingOfUploadLoaded(A);
    manager.load(B, "upload");
    assertEquals(DIRECTORY, manager.instance(B, UploadModule.class).directory);
  }

  @Test
  void sharedModuleReadsTheOptionsOfEachHostItIsAttachedTo() {
    configure(
        ServerConfig.builder()
            .option("conference_max_rooms", 20)
            .host(A, a -> a.option("conference_max_rooms", 50))
            .host(B)
            .build());

    manager.load(A, "conference");
    manager.load(B, "conference");

    assertEquals(Map.of(A, 50, B, 20), manager.instance(GLOBAL, ConferenceModule.class).maxRooms);
  }

  @Test
  void badlyTypedOptionOfASharedModuleInAddHostIsABadOptionToo() {
    configure(
        ServerConfig.builder().host(A, a -> a.option("conference_max_rooms", "lots")).host(B).build());

    ModuleException failure = fails(BAD_OPTION, () -> manager.load(A, "conference"));

    assertReport(failure, "conference", A, "option 'conference_max_rooms'", "set in host 'a.example'");
    assertFalse(manager.isLoaded(A, "conference"));
    assertFalse(manager.isLoaded(GLOBAL, "conference"));
  }

  /** Neither upload nor the stats it depends on is loaded, and status() says why upload is not. */
  private void assertNothingOfUploadLoaded(String host) {
    assertFalse(manager.isLoaded(host, "upload"));
    assertFalse(manager.isLoaded(GLOBAL, "stats"), "the dependency loaded for upload is rolled back");
    assertEquals(ModuleState.FAILED, statusOf(host, "upload").state());
  }
}
