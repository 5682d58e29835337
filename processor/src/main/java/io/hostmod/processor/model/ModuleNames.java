package io.hostmod.processor.model;

import java.util.regex.Pattern;

/** Module names: how one is derived from a class name, and what a valid one looks like. */
public final class ModuleNames {

  private static final Pattern LOWER_SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private ModuleNames() {}

  /**
   * The name for a class without {@code @Module(name)}: the simple name without a trailing {@code
   * Module}, in lower_snake_case. {@code MucModule} is {@code muc}, {@code ServerContactInfo} is
   * {@code server_contact_info}, {@code HTTPUploadModule} is {@code http_upload}.
   */
  public static String derive(String simpleName) {
    String base =
        simpleName.endsWith("Module")
            ? simpleName.substring(0, simpleName.length() - "Module".length())
            : simpleName;
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLowerOrDigit = i > 0 && !Character.isUpperCase(base.charAt(i - 1));
        boolean endsAcronym =
            i > 0
                && Character.isUpperCase(base.charAt(i - 1))
                && i + 1 < base.length()
                && Character.isLowerCase(base.charAt(i + 1));
        if ((afterLowerOrDigit || endsAcronym) && name.length() > 0 && base.charAt(i - 1) != '_') {
          name.append('_');
        }
        name.append(Character.toLowerCase(c));
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  public static boolean isValid(String name) {
    return LOWER_SNAKE_CASE.matcher(name).matches();
  }
}
