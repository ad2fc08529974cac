// module_table.cpp — the table of native modules built into Coil.
namespace coil::lib {}
