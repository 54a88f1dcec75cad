import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { loadCaseworkTranslations } from '../lib/casework-i18n';
import { loadIntakeTranslations } from '../lib/i18n';
import { loadWorkspaceTranslations } from '../lib/workspace-i18n';

// jsdom lacks these browser APIs; Mantine and react-router use them.
Object.assign(globalThis, { TextEncoder, TextDecoder });

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });

Object.defineProperty(window, 'scrollTo', { writable: true, value: () => undefined });
Element.prototype.scrollIntoView = function scrollIntoView(): void {};

// jsdom does not implement pseudo-element styles; Mantine's test guide drops the second argument.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// Lazy routes compile on first import under ts-jest; a cold first render can exceed the 1 s default.
configure({ asyncUtilTimeout: 5000 });

// The routes load the intake, case-work and workspace strings in their loaders; component tests render without loaders.
beforeAll(() =>
  Promise.all([loadIntakeTranslations(), loadCaseworkTranslations(), loadWorkspaceTranslations()]),
);
