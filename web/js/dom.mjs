// Small DOM helper shared by the page scripts.

/**
 * Creates an element: `el("p", { class: "hint", hidden: true }, "text", otherNode)`.
 * Attributes that are false, null or undefined are left out; true gives an empty attribute.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") element.className = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}
