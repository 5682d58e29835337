package io.hostmod.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * One version of a module jar: what the file in the module directory held when it was read (its
 * size, last-modified time and SHA-256), kept in a private copy that the {@link JarLoader}s of this
 * version open, never the file itself. So the operator can replace or delete the jar at any time
 * (on any OS: the copy is what is open), and a jar read while it is still being written is refused
 * instead of half loaded: its size or time changes while it is copied, or the copy is no complete
 * zip (every entry is read, checking its CRC). The copy is deleted once the last loader of this
 * version is closed.
 */
final class ModuleJar {

  /** The jar in the module directory. */
  final Path source;
  final String fileName;
  final FileTime lastModified;
  final long size;
  final String sha256;
  /** The private copy the loaders read. */
  final Path copy;
  /** Loaders of this version not yet closed; guarded by the {@link ModuleJars} monitor. */
  int loaders;

  private ModuleJar(Path source, FileTime lastModified, long size, String sha256, Path copy) {
    this.source = source;
    this.fileName = source.getFileName().toString();
    this.lastModified = lastModified;
    this.size = size;
    this.sha256 = sha256;
    this.copy = copy;
  }

  /**
   * Copies the jar into {@code copies} and checks the copy.
   *
   * @throws ModuleException {@code bad-module-jar} if it cannot be read, changed while it was
   *     copied, or is no complete jar; no copy is left then
   */
  static ModuleJar read(Path source, Path copies) {
    Path copy = null;
    try {
      BasicFileAttributes before = Files.readAttributes(source, BasicFileAttributes.class);
      String base = source.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      copy = Files.createTempFile(copies, base.substring(0, Math.max(0, base.length() - 4)) + "-", ".jar");
      copy.toFile().deleteOnExit(); // a manager never shut down leaves none behind either
      Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
      BasicFileAttributes after = Files.readAttributes(source, BasicFileAttributes.class);
      if (before.size() != after.size() || !before.lastModifiedTime().equals(after.lastModifiedTime())
          || Files.size(copy) != after.size()) {
        throw ModuleException.badModuleJar(source.getFileName().toString(), null,
            "it changed while it was read (still being written?)", "refresh again once it is complete", null);
      }
      String hash = checkAndHash(copy);
      return new ModuleJar(source, after.lastModifiedTime(), after.size(), hash, copy);
    } catch (IOException | RuntimeException failure) {
      deleteQuietly(copy);
      if (failure instanceof ModuleException known) {
        throw known;
      }
      throw ModuleException.badModuleJar(source.getFileName().toString(), null,
          "it cannot be read as a jar (" + failure + ")", "replace it with a complete jar and refresh", failure);
    }
  }

  /** Reads every entry of the copy (the zip checks each CRC) and hashes the file. */
  private static String checkAndHash(Path copy) throws IOException {
    try (JarFile jar = new JarFile(copy.toFile(), false)) {
      byte[] buffer = new byte[8192];
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        try (InputStream in = jar.getInputStream(entries.nextElement())) {
          while (in.read(buffer) >= 0) {
            // reading is the check
          }
        }
      }
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(copy), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Whether the file in the directory still has this version's size and time (no copy made). */
  boolean isUnchanged(BasicFileAttributes now) {
    return now.size() == size && now.lastModifiedTime().equals(lastModified);
  }

  /** How status shows this version: the jar's file name and its last-modified time. */
  String version() {
    return fileName + "@" + Instant.ofEpochMilli(lastModified.toMillis());
  }

  void deleteCopy() {
    deleteQuietly(copy);
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a temp file; the OS cleans the temp directory
    }
  }

  @Override
  public String toString() {
    return version();
  }
}
