package io.hostmod.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.hostmod.processor.model.Argument;
import io.hostmod.processor.model.Kind;
import io.hostmod.processor.model.LifecycleCall;
import io.hostmod.processor.model.ModuleModel;
import io.hostmod.processor.model.OptionField;
import io.hostmod.processor.model.StateShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code HostmodModules_<hash>}: the modules of one package, each with its index in this
 * table. The constructor gives each its name, kind and dependencies; every lifecycle step the
 * modules have is one {@code switch} over the index with a direct call, passing the context or the
 * dependencies the method's parameters ask for. {@code create} also sets the {@code @Option}
 * fields. A step no module of the package has keeps the base class's do-nothing default.
 */
public final class ModuleTableWriter {

  private static final ClassName OBJECT = ClassName.get(Object.class);
  private static final TypeName ANY = WildcardTypeName.subtypeOf(Object.class);

  private ModuleTableWriter() {}

  /** The table of {@code modules}, all in the package of {@code table}, indexed in list order. */
  public static JavaFile write(ClassName table, List<ModuleModel> modules, boolean markGenerated) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(table)
            .addJavadoc(
                "The hostmod modules of package {@code $L} in one compilation: direct calls of their"
                    + " constructors and lifecycle methods, by the module's index.\n",
                table.packageName().isEmpty() ? "(unnamed)" : table.packageName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(RuntimeTypes.MODULE_TABLE)
            .addMethod(constructor(modules))
            .addMethod(create(modules));
    Table steps = new Table(modules);
    steps.call("load", RuntimeTypes.MODULE_CONTEXT, "context", ModuleModel::load);
    steps.call("addHost", RuntimeTypes.HOST_CONTEXT, "host", ModuleModel::addHost);
    steps.call("unload", null, null, ModuleModel::unload);
    steps.call("unloadHost", RuntimeTypes.HOST_CONTEXT, "host", ModuleModel::unloadHost);
    steps.value(
        "save",
        OBJECT,
        List.of("instance"),
        CodeBlock.of("null"),
        module ->
            module.save() == null
                ? null
                : CodeBlock.of("(($T) instance).$N()", module.type(), module.save().method()));
    steps.restore();
    steps.stateCodecs();
    steps.value(
        "hooks",
        ParameterizedTypeName.get(
            ClassName.get(List.class),
            ParameterizedTypeName.get(RuntimeTypes.MODULE_HOOK, ANY)),
        List.of(),
        CodeBlock.of("$T.of()", List.class),
        module -> module.hooks().isEmpty() ? null : hooks(module));
    steps.value(
        "timers",
        ParameterizedTypeName.get(
            ClassName.get(List.class),
            ParameterizedTypeName.get(RuntimeTypes.MODULE_TIMER, ANY)),
        List.of(),
        CodeBlock.of("$T.of()", List.class),
        module -> module.timers().isEmpty() ? null : timers(module));
    MethodSpec reconfigure = reconfigure(modules);
    if (reconfigure != null) {
      steps.methods.add(reconfigure);
    }
    steps.value(
        "reconfigurable",
        TypeName.BOOLEAN,
        List.of(),
        CodeBlock.of("false"),
        module -> module.reconfigure() == null ? null : CodeBlock.of("true"));
    steps.value(
        "options",
        ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.MODULE_OPTION),
        List.of(),
        CodeBlock.of("$T.of()", List.class),
        module -> module.options().isEmpty() ? null : options(module));
    steps.value(
        "hostProxyType",
        ParameterizedTypeName.get(
            ClassName.get(Class.class),
            WildcardTypeName.subtypeOf(
                ParameterizedTypeName.get(RuntimeTypes.HOST_PROXY, ANY))),
        List.of(),
        CodeBlock.of("null"),
        module -> module.kind() == Kind.SHARED ? CodeBlock.of("$T.class", module.hostProxyType()) : null);
    steps.newHostProxy();
    steps.methods.forEach(type::addMethod);
    return RuntimeTypes.file(table.packageName(), type.build(), markGenerated);
  }

  /** The constructor: each module's index, name, class, kind and dependencies, in index order. */
  private static MethodSpec constructor(List<ModuleModel> modules) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    for (int i = 0; i < modules.size(); i++) {
      ModuleModel module = modules.get(i);
      CodeBlock.Builder dependencies = CodeBlock.builder();
      module.dependencies().forEach(dependency -> dependencies.add(", $S", dependency));
      constructor.addStatement(
          "module($L, $S, $T.class, $T.$L$L)",
          i,
          module.name(),
          module.type(),
          RuntimeTypes.MODULE_KIND,
          module.kind().name(),
          dependencies.build());
    }
    return constructor.build();
  }

  /**
   * {@code create}: the constructor call with its arguments, then each {@code @Option} field set
   * from the configuration, its initial value the default.
   */
  private static MethodSpec create(List<ModuleModel> modules) {
    CodeBlock.Builder cases = CodeBlock.builder();
    for (int i = 0; i < modules.size(); i++) {
      ModuleModel module = modules.get(i);
      ClassName type = module.type();
      CodeBlock construct = CodeBlock.of("new $T($L)", type, arguments(module.constructor(), "context"));
      if (module.options().isEmpty()) {
        cases.add("case $L -> $L;\n", i, construct);
        continue;
      }
      cases.add("case $L -> {\n$>", i).addStatement("$T instance = $L", type, construct);
      setOptions(cases, module, "instance");
      cases.addStatement("yield instance").add("$<}\n");
    }
    return step("create", OBJECT, true)
        .addParameter(RuntimeTypes.MODULE_CONTEXT, "context")
        .addCode(switchExpression(cases.build(), CodeBlock.of("throw noSuchModule(module)")))
        .build();
  }

  /**
   * Sets each {@code @Option} field of {@code instance} from the configuration, the field's value
   * the default: its initial value in {@code create}, its value so far in {@code reconfigure}.
   */
  private static void setOptions(CodeBlock.Builder code, ModuleModel module, String instance) {
    for (OptionField option : module.options()) {
      if (option.list()) {
        if (option.required()) {
          // There is no required list to read, so fail the load the runtime's way first.
          code.addStatement("context.requireOption($S, $T.class)", option.key(), Object.class);
        }
        code.addStatement(
            "$N.$N = context.optionList($S, $T.class, $N.$N)",
            instance, option.field(), option.key(), option.type(), instance, option.field());
      } else if (option.required()) {
        code.addStatement(
            "$N.$N = context.requireOption($S, $T.class)", instance, option.field(), option.key(), option.type());
      } else {
        code.addStatement(
            "$N.$N = context.option($S, $T.class, $N.$N)",
            instance, option.field(), option.key(), option.type(), instance, option.field());
      }
    }
  }

  /**
   * {@code reconfigure}: each {@code @Option} field set again from the new configuration, then
   * the {@code @Reconfigure} method; only for the modules that have one.
   */
  private static MethodSpec reconfigure(List<ModuleModel> modules) {
    CodeBlock.Builder cases = CodeBlock.builder();
    for (int i = 0; i < modules.size(); i++) {
      ModuleModel module = modules.get(i);
      if (module.reconfigure() == null) {
        continue;
      }
      cases.add("case $L -> {\n$>", i).addStatement("$T reconfigured = ($T) instance", module.type(), module.type());
      setOptions(cases, module, "reconfigured");
      cases.addStatement("reconfigured.$N($L)", module.reconfigure().method(), arguments(module.reconfigure(), "context"));
      cases.add("$<}\n");
    }
    if (cases.isEmpty()) {
      return null;
    }
    return step("reconfigure", null, true)
        .addParameter(OBJECT, "instance")
        .addParameter(RuntimeTypes.MODULE_CONTEXT, "context")
        .addCode(switchStatement(cases.build()))
        .build();
  }

  /** {@code options}: each {@code @Option} field's key, the type it is read as, list or not, required or not. */
  private static CodeBlock options(ModuleModel module) {
    return listOf(module.options(), option -> CodeBlock.of(
        "new $T($S, $T.class, $L, $L)",
        RuntimeTypes.MODULE_OPTION, option.key(), option.type(), option.list(), option.required()));
  }

  /** The methods of the steps the modules have, each a switch over the module index. */
  private static final class Table {
    private final List<ModuleModel> modules;
    private final List<MethodSpec> methods = new ArrayList<>();

    Table(List<ModuleModel> modules) {
      this.modules = modules;
    }

    /** A void step calling each module's method, if any module has one. */
    void call(String name, ClassName contextType, String context, Function<ModuleModel, LifecycleCall> method) {
      CodeBlock.Builder cases = CodeBlock.builder();
      for (int i = 0; i < modules.size(); i++) {
        LifecycleCall call = method.apply(modules.get(i));
        if (call != null) {
          cases.add(
              "case $L -> (($T) instance).$N($L);\n",
              i, modules.get(i).type(), call.method(), arguments(call, context));
        }
      }
      if (!cases.isEmpty()) {
        MethodSpec.Builder step = step(name, null, true).addParameter(OBJECT, "instance");
        if (contextType != null) {
          step.addParameter(contextType, context);
        }
        methods.add(step.addCode(switchStatement(cases.build())).build());
      }
    }

    /**
     * A step returning a value for each module with a non-null {@code value}, and {@code
     * otherwise} for the others; left out when no module has one.
     */
    void value(
        String name, TypeName returns, List<String> objectParameters, CodeBlock otherwise,
        Function<ModuleModel, CodeBlock> value) {
      CodeBlock.Builder cases = CodeBlock.builder();
      for (int i = 0; i < modules.size(); i++) {
        CodeBlock result = value.apply(modules.get(i));
        if (result != null) {
          cases.add("case $L -> $L;\n", i, result);
        }
      }
      if (!cases.isEmpty()) {
        // Only save calls into module code; the others hand out what the processor found.
        MethodSpec.Builder step = step(name, returns, name.equals("save"));
        objectParameters.forEach(parameter -> step.addParameter(OBJECT, parameter));
        methods.add(step.addCode(switchExpression(cases.build(), otherwise)).build());
      }
    }

    /** {@code restore}: the state back as the type {@code @Save} returned, checked to match. */
    void restore() {
      CodeBlock.Builder cases = CodeBlock.builder();
      boolean unchecked = false;
      for (int i = 0; i < modules.size(); i++) {
        ModuleModel module = modules.get(i);
        if (module.restore() == null) {
          continue;
        }
        TypeName state = module.restoreType();
        unchecked |= isGeneric(state);
        cases.add(
            "case $L -> (($T) instance).$N($L);\n",
            i,
            module.type(),
            module.restore().method(),
            state.equals(OBJECT) ? CodeBlock.of("state") : CodeBlock.of("($T) state", state));
      }
      if (!cases.isEmpty()) {
        MethodSpec.Builder step =
            step("restore", null, true).addParameter(OBJECT, "instance").addParameter(OBJECT, "state");
        methods.add(suppressUnchecked(step, unchecked).addCode(switchStatement(cases.build())).build());
      }
    }

    /**
     * {@code convertsState}, {@code stateToNeutral}, {@code stateFromNeutral}: for each module whose
     * {@code @Save} type holds records, its codec, calling {@code StateCodecs} with a lambda for
     * each record, collection and map (no reflection).
     */
    void stateCodecs() {
      List<StateShape> shapes = new ArrayList<>();
      modules.forEach(module -> {
        if (module.state() != null) {
          shapes.add(module.state());
        }
      });
      if (shapes.isEmpty()) {
        return;
      }
      Map<ClassName, StateShape.RecordOf> records = StateCodec.records(shapes);
      Map<ClassName, String> readers = StateCodec.readerNames(records.keySet());
      CodeBlock.Builder converts = CodeBlock.builder();
      CodeBlock.Builder toNeutral = CodeBlock.builder();
      CodeBlock.Builder fromNeutral = CodeBlock.builder();
      for (int i = 0; i < modules.size(); i++) {
        StateShape shape = modules.get(i).state();
        if (shape != null) {
          converts.add("case $L -> true;\n", i);
          toNeutral.add("case $L -> $L;\n", i,
              StateCodec.encode(shape, CodeBlock.of("(($T) state)", StateCodec.encodeType(shape)), 0));
          fromNeutral.add("case $L -> $L;\n", i, StateCodec.decode(shape, CodeBlock.of("neutral"), 0, readers));
        }
      }
      methods.add(step("convertsState", TypeName.BOOLEAN, false)
          .addCode(switchExpression(converts.build(), CodeBlock.of("false"))).build());
      MethodSpec.Builder encode = step("stateToNeutral", OBJECT, false).addParameter(OBJECT, "state");
      methods.add(suppressUnchecked(encode, shapes.stream().anyMatch(shape -> !(shape instanceof StateShape.RecordOf)))
          .addCode(switchExpression(toNeutral.build(), CodeBlock.of("state"))).build());
      methods.add(step("stateFromNeutral", OBJECT, false).addParameter(OBJECT, "neutral")
          .addCode(switchExpression(fromNeutral.build(), CodeBlock.of("neutral"))).build());
      records.values().forEach(record -> methods.add(StateCodec.toNeutral(record)));
      records.values().forEach(record -> methods.add(StateCodec.reader(record, readers)));
    }

    /** {@code newHostProxy}: each shared module's proxy, bound to the target the runtime gives. */
    void newHostProxy() {
      CodeBlock.Builder cases = CodeBlock.builder();
      for (int i = 0; i < modules.size(); i++) {
        ModuleModel module = modules.get(i);
        if (module.kind() == Kind.SHARED) {
          cases.add(
              "case $L -> new $T(($T) target);\n",
              i,
              module.hostProxyType(),
              ParameterizedTypeName.get(RuntimeTypes.PROXY_TARGET, module.type()));
        }
      }
      if (!cases.isEmpty()) {
        MethodSpec.Builder step =
            step("newHostProxy", ParameterizedTypeName.get(RuntimeTypes.HOST_PROXY, ANY), false)
                .addParameter(ParameterizedTypeName.get(RuntimeTypes.PROXY_TARGET, ANY), "target");
        // The runtime hands each module the target it made for that module.
        methods.add(
            suppressUnchecked(step, true)
                .addCode(switchExpression(cases.build(), CodeBlock.of("throw noSuchModule(module)")))
                .build());
      }
    }
  }

  /**
   * The frame of a step: {@code protected [returns] name(int module, ...)}, declaring {@code throws
   * Exception} when it calls into module code.
   */
  private static MethodSpec.Builder step(String name, TypeName returns, boolean callsModule) {
    MethodSpec.Builder step =
        MethodSpec.methodBuilder(name)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .addParameter(TypeName.INT, "module");
    if (callsModule) {
      step.addException(Exception.class);
    }
    return returns == null ? step : step.returns(returns);
  }

  private static MethodSpec.Builder suppressUnchecked(MethodSpec.Builder method, boolean unchecked) {
    return unchecked
        ? method.addAnnotation(
            AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        : method;
  }

  private static CodeBlock switchStatement(CodeBlock cases) {
    return CodeBlock.builder().add("switch (module) {\n$>").add(cases).add("$<}\n").build();
  }

  private static CodeBlock switchExpression(CodeBlock cases, CodeBlock otherwise) {
    return CodeBlock.builder()
        .add("return switch (module) {\n$>")
        .add(cases)
        .add("default -> $L;\n", otherwise)
        .add("$<};\n")
        .build();
  }

  /** {@code hooks}: each {@code @Hook} method as a direct call, in declaration order. */
  private static CodeBlock hooks(ModuleModel module) {
    return listOf(module.hooks(), hook -> CodeBlock.of(
        "new $T<$T>($S, $L, (instance, context, event) -> instance.$N($L))",
        RuntimeTypes.MODULE_HOOK,
        module.type(),
        hook.event(),
        hook.priority(),
        hook.method(),
        hook.takesContext() ? "context, event" : "event"));
  }

  /** {@code timers}: each {@code @Every} method with its period, as a direct call, in declaration order. */
  private static CodeBlock timers(ModuleModel module) {
    return listOf(module.timers(), timer -> CodeBlock.of(
        "new $T<$T>($T.parse($S), $L, (instance, context) -> instance.$N($L))",
        RuntimeTypes.MODULE_TIMER,
        module.type(),
        Duration.class,
        timer.period(),
        timer.perHost(),
        timer.method(),
        timer.takesContext() ? "context" : ""));
  }

  /** {@code List.of(...)} with one element a line. */
  private static <T> CodeBlock listOf(List<T> items, Function<T, CodeBlock> element) {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of($>", List.class);
    for (int i = 0; i < items.size(); i++) {
      list.add("\n$L$L", element.apply(items.get(i)), i + 1 < items.size() ? "," : "");
    }
    return list.add(")$<").build();
  }

  /** The arguments of a call, in parameter order: the context, or a dependency or its proxy. */
  private static CodeBlock arguments(LifecycleCall call, String context) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < call.arguments().size(); i++) {
      arguments.add(i == 0 ? "" : ", ");
      Argument argument = call.arguments().get(i);
      if (argument instanceof Argument.ModuleOf dependency) {
        arguments.add("$N.module($T.class)", context, dependency.module());
      } else if (argument instanceof Argument.HostProxyOf proxy) {
        arguments.add("$N.hostProxy($T.class)", context, proxy.proxy());
      } else {
        arguments.add("$N", context);
      }
    }
    return arguments.build();
  }

  /** Whether a cast to the type is unchecked: it is parameterized, or an array of such a type. */
  private static boolean isGeneric(TypeName type) {
    return type instanceof ParameterizedTypeName
        || (type instanceof ArrayTypeName array && isGeneric(array.componentType()));
  }
}
