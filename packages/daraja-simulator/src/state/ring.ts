/** A bounded log: the oldest entries fall off so a benchmark cannot exhaust memory. */
export class Ring<T> {
  private items: T[] = []

  constructor(private readonly capacity: number) {}

  push(item: T): void {
    this.items.push(item)
    if (this.items.length > this.capacity * 2) {
      this.items = this.items.slice(-this.capacity)
    }
  }

  list(): T[] {
    return this.items.slice(-this.capacity)
  }

  clear(): void {
    this.items = []
  }
}
