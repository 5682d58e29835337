package io.hostmod.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A host's module entries by slot ({@link Slots}): read without locking, added by one
 * compare-and-set, removed by the holder of the entry's claim with one store. {@link Host} extends
 * it, so that no object stands between a host and its entries (see there). An array rather than a
 * concurrent map: no node per entry, and one reference per installed module is smaller than a
 * map's nodes once a host has a tenth of them loaded (retained heap per pair, docs/benchmarks.md).
 *
 * <p>No slot ever moves. The table is sized by the slots given when its host was made; a module
 * installed later has its slot in a chunk added then, and a chunk, once made, stays in every later
 * version of the chunk list. So nothing copies entries while another thread adds or removes one,
 * and a removal needs no lock: only the claim's holder writes a slot that holds its entry (an add
 * writes only an empty slot). The host's monitor around each removal was a fifth of deactivating
 * 10,000 hosts x 50 modules before a deactivation skipped it, and about a tenth of a shared module's
 * load and unload, which could not (docs/benchmarks.md, "A/B against the previous runtime").
 */
abstract class EntryTable {

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(ModuleEntry[].class);
  /** Slots per chunk for modules installed after the host was made. */
  private static final int CHUNK = 16;
  private static final ModuleEntry<?>[][] NO_CHUNKS = {};

  /** The slots given when the host was made. */
  private final ModuleEntry<?>[] first;
  /**
   * The chunks of the slots from {@code first.length} on, each {@link #CHUNK} long. Replaced, with
   * the same chunks and more, under the monitor of {@link #first} (the host's own monitor guards
   * other things); read without it.
   */
  private volatile ModuleEntry<?>[][] chunks = NO_CHUNKS;

  /** @param slots how many slots the host's table has from the start: those installed now */
  EntryTable(int slots) {
    this.first = new ModuleEntry<?>[slots];
  }

  /**
   * The entry at the slot, or {@code null}. A volatile read (on x86 and ARM as cheap as an acquiring
   * one): a scan after a volatile write sees every add checked against it ({@link Host#closing},
   * {@link Modules#uninstall}).
   */
  final ModuleEntry<?> entry(int slot) {
    if (slot < first.length) {
      return (ModuleEntry<?>) SLOT.getVolatile(first, slot);
    }
    ModuleEntry<?>[] chunk = chunk(slot);
    return chunk == null ? null : (ModuleEntry<?>) SLOT.getVolatile(chunk, index(slot));
  }

  /** How many slots the table has now: every slot below it can be read. */
  final int slotCount() {
    return first.length + chunks.length * CHUNK;
  }

  /**
   * Puts the entry at its slot if the slot is empty, by compare-and-set.
   *
   * @return the entry there already, or {@code null} if this one was put
   */
  final ModuleEntry<?> putIfAbsent(ModuleEntry<?> entry) {
    ModuleEntry<?>[] array = entry.slot < first.length ? first : chunkMade(entry.slot);
    return (ModuleEntry<?>) SLOT.compareAndExchange(array, index(entry.slot), null, entry);
  }

  /**
   * Empties the entry's slot if it holds the entry. The caller holds the entry's claim, so no other
   * thread writes that slot meanwhile: a removal is the only write of a slot that holds an entry.
   */
  final void remove(ModuleEntry<?> entry) {
    ModuleEntry<?>[] array = entry.slot < first.length ? first : chunk(entry.slot);
    int index = index(entry.slot);
    if (array != null && SLOT.getAcquire(array, index) == entry) {
      SLOT.setRelease(array, index, null);
    }
  }

  /** The slot's index in its array: {@link #first} or its chunk. */
  private int index(int slot) {
    return slot < first.length ? slot : (slot - first.length) % CHUNK;
  }

  /** The chunk of a slot past the first ones, or {@code null} if it was never made. */
  private ModuleEntry<?>[] chunk(int slot) {
    ModuleEntry<?>[][] current = chunks;
    int at = (slot - first.length) / CHUNK;
    return at < current.length ? current[at] : null;
  }

  /** The chunk of a slot past the first ones, made (with the chunks before it) if missing. */
  private ModuleEntry<?>[] chunkMade(int slot) {
    ModuleEntry<?>[] chunk = chunk(slot);
    return chunk != null ? chunk : grow(slot);
  }

  private ModuleEntry<?>[] grow(int slot) {
    synchronized (first) {
      int at = (slot - first.length) / CHUNK;
      if (at < chunks.length) {
        return chunks[at]; // grown by another thread meanwhile
      }
      ModuleEntry<?>[][] grown = Arrays.copyOf(chunks, at + 1);
      for (int i = 0; i < grown.length; i++) {
        if (grown[i] == null) {
          grown[i] = new ModuleEntry<?>[CHUNK];
        }
      }
      chunks = grown;
      return grown[at];
    }
  }
}
