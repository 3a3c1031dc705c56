/* bench-util.h: the median the benchmarks report (this machine is noisy). */
#pragma once

#include <stdlib.h>

static int
bench_compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Sorts @v in place. */
static inline double
bench_median (double *v, int n)
{
  qsort (v, n, sizeof *v, bench_compare_doubles);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}
