// Placeholder entry until the widget lands (issue 2).
export {};
