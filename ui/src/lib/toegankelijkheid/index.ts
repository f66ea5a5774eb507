// Accessibility helpers shared by screens: charts as one image with a text alternative, and
// horizontally scrolling table containers that keyboard users can reach.

/**
 * Makes an Observable Plot chart one image for assistive technology: the chart's <svg> gets
 * role="img" (its aria-label comes from Plot's `ariaLabel`; a legend stays text), and the labels Plot puts on the
 * marks' <g> groups (not allowed there) are removed. The data is in the table next to the chart.
 */
export function alsAfbeelding(grafiek: Element): Element {
  const svgs = grafiek instanceof SVGSVGElement ? [grafiek] : grafiek.querySelectorAll('svg[aria-label]');
  for (const svg of svgs) svg.setAttribute('role', 'img');
  for (const g of grafiek.querySelectorAll('g[aria-label], g[aria-description]')) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  return grafiek;
}

/**
 * Svelte action for a container that may scroll sideways (a wide table at 200% zoom): while its
 * content is wider than itself it is a named region in the tab order, so the keyboard can scroll it.
 */
export function scrollGebied(node: HTMLElement, label: string) {
  let naam = label;
  const bijwerken = () => {
    if (node.scrollWidth > node.clientWidth + 1) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', naam);
    } else {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
    }
  };
  const waarnemer = new ResizeObserver(bijwerken);
  waarnemer.observe(node);
  if (node.firstElementChild) waarnemer.observe(node.firstElementChild);
  bijwerken();
  return {
    update(nieuw: string) {
      naam = nieuw;
      bijwerken();
    },
    destroy() {
      waarnemer.disconnect();
    },
  };
}
