import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

/**
 * Every renderer store, so sign-out can put them all back to their first state: nothing one staff member
 * looked at (a screen, a search, a half-typed form) is left for the next person at the desk.
 */
const resets = new Set<() => void>();

/**
 * `create` from zustand, plus registration of the store's reset. Make every renderer store with this
 * (never zustand's own `create`), so no store can be forgotten at sign-out.
 */
export function createResettableStore<T>(initializer: StateCreator<T, [], []>): UseBoundStore<StoreApi<T>> {
  const store = create<T>()(initializer);
  const initialState = store.getInitialState();
  resets.add(() => store.setState(initialState, true));
  return store;
}

/** Puts every store back to the state it was created with. Called on sign-out. */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}
