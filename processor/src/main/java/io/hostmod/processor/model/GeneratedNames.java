package io.hostmod.processor.model;

import com.palantir.javapoet.ClassName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The names of the generated classes. A shared module class {@code Foo} gets {@code Foo_HostProxy}
 * in its package, nested class names joined with {@code _}; two module classes can map to the same
 * name ({@code Outer.Inner} and {@code Outer_Inner}), which validation reports. The modules of a
 * package get one {@code HostmodModules_<hash>} and a compilation one {@code
 * HostmodCatalog_<hash>}, the hash taken over the module classes they hold, so that two
 * compilations of the same package (main and test sources, two jars) never write the same class.
 */
public final class GeneratedNames {

  private GeneratedNames() {}

  public static ClassName hostProxy(ClassName module) {
    return ClassName.get(module.packageName(), String.join("_", module.simpleNames()) + "_HostProxy");
  }

  /** The table of these module classes (qualified names), all in {@code packageName}. */
  public static ClassName moduleTable(String packageName, Collection<String> modules) {
    return ClassName.get(packageName, "HostmodModules_" + hash(modules));
  }

  /** Eight hex digits of the SHA-256 of the names, sorted. */
  public static String hash(Collection<String> names) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", new TreeSet<>(names)).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
