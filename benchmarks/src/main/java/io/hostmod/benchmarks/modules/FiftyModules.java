package io.hostmod.benchmarks.modules;

import io.hostmod.Module;
import io.hostmod.benchmarks.peer.Reflective;
import java.util.List;
import java.util.function.Supplier;

/**
 * The 50 modules of the host activation benchmark: 30 per-host, 10 global and 10 shared, each a
 * one-line class over {@link PlainModuleBase} or {@link SharedModuleBase}. {@link #ENABLED} is the
 * order a server configuration enables them in, kinds mixed; {@link #BY_HAND} is the table the
 * hand-written limit uses instead of generated bindings.
 */
public final class FiftyModules {

  private FiftyModules() {}

  /** Kind of a module, as the hand-written limit needs to know it. */
  public enum Kind {
    PER_HOST,
    GLOBAL,
    SHARED
  }

  /** A module as hand-written code knows it: name, kind and constructor. */
  public record ByHand(String name, Kind kind, Supplier<Object> create) {}

  @Module(name = "p01") @Reflective.Module(name = "p01")
  public static final class P01 extends PlainModuleBase {}

  @Module(name = "p02") @Reflective.Module(name = "p02")
  public static final class P02 extends PlainModuleBase {}

  @Module(name = "p03") @Reflective.Module(name = "p03")
  public static final class P03 extends PlainModuleBase {}

  @Module(name = "p04") @Reflective.Module(name = "p04")
  public static final class P04 extends PlainModuleBase {}

  @Module(name = "p05") @Reflective.Module(name = "p05")
  public static final class P05 extends PlainModuleBase {}

  @Module(name = "p06") @Reflective.Module(name = "p06")
  public static final class P06 extends PlainModuleBase {}

  @Module(name = "p07") @Reflective.Module(name = "p07")
  public static final class P07 extends PlainModuleBase {}

  @Module(name = "p08") @Reflective.Module(name = "p08")
  public static final class P08 extends PlainModuleBase {}

  @Module(name = "p09") @Reflective.Module(name = "p09")
  public static final class P09 extends PlainModuleBase {}

  @Module(name = "p10") @Reflective.Module(name = "p10")
  public static final class P10 extends PlainModuleBase {}

  @Module(name = "p11") @Reflective.Module(name = "p11")
  public static final class P11 extends PlainModuleBase {}

  @Module(name = "p12") @Reflective.Module(name = "p12")
  public static final class P12 extends PlainModuleBase {}

  @Module(name = "p13") @Reflective.Module(name = "p13")
  public static final class P13 extends PlainModuleBase {}

  @Module(name = "p14") @Reflective.Module(name = "p14")
  public static final class P14 extends PlainModuleBase {}

  @Module(name = "p15") @Reflective.Module(name = "p15")
  public static final class P15 extends PlainModuleBase {}

  @Module(name = "p16") @Reflective.Module(name = "p16")
  public static final class P16 extends PlainModuleBase {}

  @Module(name = "p17") @Reflective.Module(name = "p17")
  public static final class P17 extends PlainModuleBase {}

  @Module(name = "p18") @Reflective.Module(name = "p18")
  public static final class P18 extends PlainModuleBase {}

  @Module(name = "p19") @Reflective.Module(name = "p19")
  public static final class P19 extends PlainModuleBase {}

  @Module(name = "p20") @Reflective.Module(name = "p20")
  public static final class P20 extends PlainModuleBase {}

  @Module(name = "p21") @Reflective.Module(name = "p21")
  public static final class P21 extends PlainModuleBase {}

  @Module(name = "p22") @Reflective.Module(name = "p22")
  public static final class P22 extends PlainModuleBase {}

  @Module(name = "p23") @Reflective.Module(name = "p23")
  public static final class P23 extends PlainModuleBase {}

  @Module(name = "p24") @Reflective.Module(name = "p24")
  public static final class P24 extends PlainModuleBase {}

  @Module(name = "p25") @Reflective.Module(name = "p25")
  public static final class P25 extends PlainModuleBase {}

  @Module(name = "p26") @Reflective.Module(name = "p26")
  public static final class P26 extends PlainModuleBase {}

  @Module(name = "p27") @Reflective.Module(name = "p27")
  public static final class P27 extends PlainModuleBase {}

  @Module(name = "p28") @Reflective.Module(name = "p28")
  public static final class P28 extends PlainModuleBase {}

  @Module(name = "p29") @Reflective.Module(name = "p29")
  public static final class P29 extends PlainModuleBase {}

  @Module(name = "p30") @Reflective.Module(name = "p30")
  public static final class P30 extends PlainModuleBase {}

  @Module(name = "g01", global = true) @Reflective.Module(name = "g01", global = true)
  public static final class G01 extends PlainModuleBase {}

  @Module(name = "g02", global = true) @Reflective.Module(name = "g02", global = true)
  public static final class G02 extends PlainModuleBase {}

  @Module(name = "g03", global = true) @Reflective.Module(name = "g03", global = true)
  public static final class G03 extends PlainModuleBase {}

  @Module(name = "g04", global = true) @Reflective.Module(name = "g04", global = true)
  public static final class G04 extends PlainModuleBase {}

  @Module(name = "g05", global = true) @Reflective.Module(name = "g05", global = true)
  public static final class G05 extends PlainModuleBase {}

  @Module(name = "g06", global = true) @Reflective.Module(name = "g06", global = true)
  public static final class G06 extends PlainModuleBase {}

  @Module(name = "g07", global = true) @Reflective.Module(name = "g07", global = true)
  public static final class G07 extends PlainModuleBase {}

  @Module(name = "g08", global = true) @Reflective.Module(name = "g08", global = true)
  public static final class G08 extends PlainModuleBase {}

  @Module(name = "g09", global = true) @Reflective.Module(name = "g09", global = true)
  public static final class G09 extends PlainModuleBase {}

  @Module(name = "g10", global = true) @Reflective.Module(name = "g10", global = true)
  public static final class G10 extends PlainModuleBase {}

  @Module(name = "s01", global = true) @Reflective.Module(name = "s01", global = true)
  public static final class S01 extends SharedModuleBase {}

  @Module(name = "s02", global = true) @Reflective.Module(name = "s02", global = true)
  public static final class S02 extends SharedModuleBase {}

  @Module(name = "s03", global = true) @Reflective.Module(name = "s03", global = true)
  public static final class S03 extends SharedModuleBase {}

  @Module(name = "s04", global = true) @Reflective.Module(name = "s04", global = true)
  public static final class S04 extends SharedModuleBase {}

  @Module(name = "s05", global = true) @Reflective.Module(name = "s05", global = true)
  public static final class S05 extends SharedModuleBase {}

  @Module(name = "s06", global = true) @Reflective.Module(name = "s06", global = true)
  public static final class S06 extends SharedModuleBase {}

  @Module(name = "s07", global = true) @Reflective.Module(name = "s07", global = true)
  public static final class S07 extends SharedModuleBase {}

  @Module(name = "s08", global = true) @Reflective.Module(name = "s08", global = true)
  public static final class S08 extends SharedModuleBase {}

  @Module(name = "s09", global = true) @Reflective.Module(name = "s09", global = true)
  public static final class S09 extends SharedModuleBase {}

  @Module(name = "s10", global = true) @Reflective.Module(name = "s10", global = true)
  public static final class S10 extends SharedModuleBase {}

  /** The modules in the order the configuration enables them. */
  public static final List<String> ENABLED = List.of(
      "p01", "p02", "p03", "g01", "s01", "p04", "p05", "p06", "g02", "s02",
      "p07", "p08", "p09", "g03", "s03", "p10", "p11", "p12", "g04", "s04",
      "p13", "p14", "p15", "g05", "s05", "p16", "p17", "p18", "g06", "s06",
      "p19", "p20", "p21", "g07", "s07", "p22", "p23", "p24", "g08", "s08",
      "p25", "p26", "p27", "g09", "s09", "p28", "p29", "p30", "g10", "s10");

  /** The classes, for the reflective peer, which finds name and kind in their annotations. */
  public static final List<Class<?>> CLASSES = List.of(
      P01.class, P02.class, P03.class, P04.class, P05.class, P06.class, P07.class, P08.class, P09.class, P10.class,
      P11.class, P12.class, P13.class, P14.class, P15.class, P16.class, P17.class, P18.class, P19.class, P20.class,
      P21.class, P22.class, P23.class, P24.class, P25.class, P26.class, P27.class, P28.class, P29.class, P30.class,
      G01.class, G02.class, G03.class, G04.class, G05.class, G06.class, G07.class, G08.class, G09.class, G10.class,
      S01.class, S02.class, S03.class, S04.class, S05.class, S06.class, S07.class, S08.class, S09.class, S10.class);

  /** The modules as the hand-written limit knows them: written out, as a hand-written server would. */
  public static final List<ByHand> BY_HAND = List.of(
      new ByHand("p01", Kind.PER_HOST, P01::new),
      new ByHand("p02", Kind.PER_HOST, P02::new),
      new ByHand("p03", Kind.PER_HOST, P03::new),
      new ByHand("p04", Kind.PER_HOST, P04::new),
      new ByHand("p05", Kind.PER_HOST, P05::new),
      new ByHand("p06", Kind.PER_HOST, P06::new),
      new ByHand("p07", Kind.PER_HOST, P07::new),
      new ByHand("p08", Kind.PER_HOST, P08::new),
      new ByHand("p09", Kind.PER_HOST, P09::new),
      new ByHand("p10", Kind.PER_HOST, P10::new),
      new ByHand("p11", Kind.PER_HOST, P11::new),
      new ByHand("p12", Kind.PER_HOST, P12::new),
      new ByHand("p13", Kind.PER_HOST, P13::new),
      new ByHand("p14", Kind.PER_HOST, P14::new),
      new ByHand("p15", Kind.PER_HOST, P15::new),
      new ByHand("p16", Kind.PER_HOST, P16::new),
      new ByHand("p17", Kind.PER_HOST, P17::new),
      new ByHand("p18", Kind.PER_HOST, P18::new),
      new ByHand("p19", Kind.PER_HOST, P19::new),
      new ByHand("p20", Kind.PER_HOST, P20::new),
      new ByHand("p21", Kind.PER_HOST, P21::new),
      new ByHand("p22", Kind.PER_HOST, P22::new),
      new ByHand("p23", Kind.PER_HOST, P23::new),
      new ByHand("p24", Kind.PER_HOST, P24::new),
      new ByHand("p25", Kind.PER_HOST, P25::new),
      new ByHand("p26", Kind.PER_HOST, P26::new),
      new ByHand("p27", Kind.PER_HOST, P27::new),
      new ByHand("p28", Kind.PER_HOST, P28::new),
      new ByHand("p29", Kind.PER_HOST, P29::new),
      new ByHand("p30", Kind.PER_HOST, P30::new),
      new ByHand("g01", Kind.GLOBAL, G01::new),
      new ByHand("g02", Kind.GLOBAL, G02::new),
      new ByHand("g03", Kind.GLOBAL, G03::new),
      new ByHand("g04", Kind.GLOBAL, G04::new),
      new ByHand("g05", Kind.GLOBAL, G05::new),
      new ByHand("g06", Kind.GLOBAL, G06::new),
      new ByHand("g07", Kind.GLOBAL, G07::new),
      new ByHand("g08", Kind.GLOBAL, G08::new),
      new ByHand("g09", Kind.GLOBAL, G09::new),
      new ByHand("g10", Kind.GLOBAL, G10::new),
      new ByHand("s01", Kind.SHARED, S01::new),
      new ByHand("s02", Kind.SHARED, S02::new),
      new ByHand("s03", Kind.SHARED, S03::new),
      new ByHand("s04", Kind.SHARED, S04::new),
      new ByHand("s05", Kind.SHARED, S05::new),
      new ByHand("s06", Kind.SHARED, S06::new),
      new ByHand("s07", Kind.SHARED, S07::new),
      new ByHand("s08", Kind.SHARED, S08::new),
      new ByHand("s09", Kind.SHARED, S09::new),
      new ByHand("s10", Kind.SHARED, S10::new));
}
