# Sourced by ./sluice and ./sluice-cli. Sets huge_pages to the JVM flag that puts the heap in
# transparent huge pages where the kernel offers them (its setting readable and not "never"), and
# to nothing elsewhere: other systems do not know the flag, and a kernel without huge pages would
# have the JVM warn at every start (docs/adr/0016-server-heap-in-huge-pages.md).
huge_pages=
if [ -r /sys/kernel/mm/transparent_hugepage/enabled ] && read -r mode < /sys/kernel/mm/transparent_hugepage/enabled; then
  case "$mode" in
    *"[never]"*) ;;
    *) huge_pages=-XX:+UseTransparentHugePages ;;
  esac
fi
