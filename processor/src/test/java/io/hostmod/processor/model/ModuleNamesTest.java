package io.hostmod.processor.model;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModuleNamesTest {

  @ParameterizedTest(name = "{0} -> \"{1}\"")
  @CsvSource({
      "MucModule, muc",
      "ServerContactInfo, server_contact_info",
      "HTTPUploadModule, http_upload",
      "Module, ''",
      "Muc, muc",
      "A, a",
      "ChatModuleModule, chat_module",
      "ModuleRegistry, module_registry",
      "XMLParser, xml_parser",
      "ParseXML, parse_xml",
      "Http2Module, http2",
      "Pubsub2Server, pubsub2_server",
      "already_snake, already_snake",
      "Muc_Light, muc_light",
      "Legacy_Module, legacy_",
      "lowerModule, lower",
  })
  void derive(String className, String name) {
    assertThat(ModuleNames.derive(className)).isEqualTo(name);
  }

  @ParameterizedTest(name = "\"{0}\" is valid")
  @CsvSource({"muc", "server_contact_info", "http2", "a", "pubsub2_server", "v_2"})
  void valid(String name) {
    assertThat(ModuleNames.isValid(name)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is not valid")
  @CsvSource({"''", "Muc", "muc-light", "_muc", "muc_", "muc__light", "2fa", "muc light", "müc"})
  void invalid(String name) {
    assertThat(ModuleNames.isValid(name)).isFalse();
  }
}
