import { type Attributes, type ComponentType, createElement, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component loaded on first use with a dynamic import (a chunk of its own), so the messenger's first load stays
 * within its budget: null while loading, 'failed' when the chunk could not be fetched.
 */
export function useLazyComponent<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> | null | 'failed' {
  const [view, setView] = useState<ComponentType<P> | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (component) => live && setView(() => component),
      () => live && setView('failed'),
    );
    return () => {
      live = false;
    };
  }, []);
  return view;
}

/**
 * A component that shows the lazily loaded `load()` with the same props: nothing while it loads, and `failed`
 * (or nothing) if it could not be loaded.
 */
export function lazyView<P>(load: () => Promise<ComponentType<P>>, failed?: (props: P) => VNode): (props: P) => VNode<Attributes> | null {
  return (props) => {
    const View = useLazyComponent(load);
    return View === 'failed' ? (failed?.(props) ?? null) : View && createElement(View as ComponentType<Attributes>, props as Attributes);
  };
}
