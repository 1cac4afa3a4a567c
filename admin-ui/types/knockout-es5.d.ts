// knockout-es5 ships no types: it returns Knockout itself with the ES5 property helpers attached.
declare module 'knockout-es5' {
  import type * as knockout from 'knockout';

  interface KnockoutEs5 {
    /** Turns the object's own properties (or the named ones) into observable getters and setters. */
    track<T extends object>(target: T, propertyNames?: string[]): T;
    /** Defines a computed property whose reads are tracked like an observable's. */
    defineProperty<T extends object>(target: T, propertyName: string, evaluator: () => unknown): T;
    /** The observable behind a tracked property. */
    getObservable(target: object, propertyName: string): knockout.Observable | null;
  }

  const ko: typeof knockout & KnockoutEs5;
  export = ko;
}
