import v8 from 'node:v8';

/** The six numbers of core.shmmem and the shmem statistics. */
export interface MemorySnapshot {
  total: number;
  free: number;
  used: number;
  realUsed: number;
  maxUsed: number;
  fragments: number;
}

/**
 * The server's own memory in the shape of Kamailio's shared memory pool. Our one pool is the V8 heap:
 * total = the heap's committed size, used = live objects, real_used = used plus memory V8 allocated
 * outside the heap for us (buffers), free = total − used, max_used = the highest real_used seen, and
 * fragments = the heap spaces that still have room.
 */
export class MemoryReport {
  private maxUsed = 0;

  read(): MemorySnapshot {
    const heap = v8.getHeapStatistics();
    const spaces = v8.getHeapSpaceStatistics();
    const total = heap.total_heap_size;
    const used = heap.used_heap_size;
    const realUsed = used + heap.malloced_memory;
    this.maxUsed = Math.max(this.maxUsed, realUsed);
    return {
      total,
      free: Math.max(0, total - used),
      used,
      realUsed,
      maxUsed: this.maxUsed,
      fragments: spaces.filter((space) => space.space_available_size > 0).length,
    };
  }
}
