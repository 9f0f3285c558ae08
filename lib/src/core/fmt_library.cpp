// fmt's compiled part: the functions format.h declares and format-inl.h defines (FMT_FUNC), and
// the instantiations format.h declares `extern template`. Debian installs fmt as a shared library
// only; see this directory's CMakeLists.txt for why Chronicle builds these itself.

#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;

}  // namespace detail
FMT_END_NAMESPACE
