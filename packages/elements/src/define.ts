// Registers every Firegrid element. Each element's own `<name>/define` registers only that one.
import './provider/define.js';
