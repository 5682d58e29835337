package io.hostmod.runtime.tests;

import io.hostmod.Load;
import io.hostmod.Module;
import io.hostmod.runtime.ModuleContext;
import java.util.List;

/**
 * A per-host file upload service configured by typed options: the directory is required (read in
 * the constructor), the limits have defaults (read in {@code @Load}). It counts uploads in the
 * server-wide {@link StatsModule}, so a load that fails on an option has a dependency to roll back.
 */
@Module(dependsOn = StatsModule.class)
public class UploadModule {

  static final long DEFAULT_MAX_BYTES = 1_048_576L;
  static final int DEFAULT_QUOTA = 100;
  static final double DEFAULT_EXPIRY_DAYS = 7.0;
  static final List<String> DEFAULT_TYPES = List.of("image/png", "image/jpeg");

  final String directory;
  long maxBytes;
  int quota;
  double expiryDays;
  boolean publicLinks;
  List<String> allowedTypes;

  public UploadModule(ModuleContext context) {
    directory = context.requireOption("upload_directory", String.class);
  }

  @Load
  void load(ModuleContext context) {
    maxBytes = context.option("upload_max_bytes", Long.class, DEFAULT_MAX_BYTES);
    quota = context.option("upload_quota", Integer.class, DEFAULT_QUOTA);
    expiryDays = context.option("upload_expiry_days", Double.class, DEFAULT_EXPIRY_DAYS);
    publicLinks = context.option("upload_public_links", Boolean.class, false);
    allowedTypes = context.optionList("upload_allowed_types", String.class, DEFAULT_TYPES);
  }
}
