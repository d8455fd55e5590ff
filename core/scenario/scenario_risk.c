/* scenario_risk.c — reading the default model: sectors and their correlation,
** the copula, stress paths, PD term structures, sector loadings and LGD
** downturn; then each segment's per-period hazard and copula threshold by age. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/copula.h"
#include "sim/programme.h"
#include "scenario/scenario_read.h"

#define MAX_SECTORS 64

/* sectors = { {id = "tech"}, ... } */
static int read_sectors(const ps_entry *scen, ps_model *m) {
  static const char *const fields[] = {"id", "name", NULL};
  ps_reader *rd = scen->rd;
  int n, rc = ps_read_open_list(scen, "sectors", 0, &n);
  if (rc || n == 0) return rc;
  if (n > MAX_SECTORS) {
    lua_pop(rd->L, 1);
    return ps_read_fail(scen, "sectors", "%d sectors; poolsim allows at most %d", n, MAX_SECTORS);
  }
  if (!(m->sectors = calloc((size_t)n, sizeof *m->sectors))) return PS_ERUNTIME;
  for (int i = 0; i < n; i++) {
    ps_entry e;
    if ((rc = ps_read_open_item(rd, "sector", "sectors", i, &e, &m->sectors[i].id))) return rc;
    m->nsectors = i + 1;
    if ((rc = ps_read_check_fields(&e, fields))) return rc;
    for (int j = 0; j < i; j++)
      if (strcmp(m->sectors[j].id, m->sectors[i].id) == 0)
        return ps_read_fail(&e, "id", "another sector already has the id '%s'", m->sectors[i].id);
    lua_pop(rd->L, 1);
  }
  lua_pop(rd->L, 1);
  return PS_OK;
}

/* sector_correlation = { {1, r12, ...}, {r12, 1, ...}, ... }: symmetric, unit
** diagonal, positive definite; factorised with GSL's Cholesky (default: identity) */
static int read_correlation(const ps_entry *scen, ps_model *m) {
  lua_State *L = scen->rd->L;
  int n = m->nsectors;
  if (n == 0) return PS_OK;
  if (!(m->sector_chol = calloc((size_t)n * (size_t)n, sizeof(double)))) return PS_ERUNTIME;
  int type = ps_read_push(scen, "sector_correlation");
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    for (int i = 0; i < n; i++) m->sector_chol[i * n + i] = 1;
    return PS_OK;
  }
  int rc = PS_OK;
  if (type != LUA_TTABLE || (int)lua_rawlen(L, -1) != n)
    rc = ps_read_fail(scen, "sector_correlation", "must be a %d x %d matrix { {1, r, ...}, ... } (one row per sector)", n, n);
  for (int i = 0; rc == PS_OK && i < n; i++) {
    int row = lua_rawgeti(L, -1, i + 1);
    if (row != LUA_TTABLE || (int)lua_rawlen(L, -1) != n)
      rc = ps_read_fail(scen, "sector_correlation", "row %d must have %d numbers", i + 1, n);
    for (int j = 0; rc == PS_OK && j < n; j++) {
      lua_rawgeti(L, -1, j + 1);
      double v = lua_tonumber(L, -1);
      if (lua_type(L, -1) != LUA_TNUMBER || !(v >= -1 && v <= 1))
        rc = ps_read_fail(scen, "sector_correlation", "entry (%d, %d) must be a correlation in [-1, 1]", i + 1, j + 1);
      m->sector_chol[i * n + j] = v;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  for (int i = 0; rc == PS_OK && i < n; i++) {
    if (m->sector_chol[i * n + i] != 1)
      rc = ps_read_fail(scen, "sector_correlation", "the diagonal must be 1, entry (%d, %d) is %g", i + 1, i + 1,
                        m->sector_chol[i * n + i]);
    for (int j = 0; rc == PS_OK && j < i; j++)
      if (m->sector_chol[i * n + j] != m->sector_chol[j * n + i])
        rc = ps_read_fail(scen, "sector_correlation", "the matrix must be symmetric: (%d, %d) is %g but (%d, %d) is %g",
                          i + 1, j + 1, m->sector_chol[i * n + j], j + 1, i + 1, m->sector_chol[j * n + i]);
  }
  if (rc) return rc;
  gsl_matrix_view a = gsl_matrix_view_array(m->sector_chol, (size_t)n, (size_t)n);
  if (gsl_linalg_cholesky_decomp1(&a.matrix) != GSL_SUCCESS)
    return ps_read_fail(scen, "sector_correlation", "the matrix is not positive definite (no such set of correlated sectors exists)");
  for (int i = 0; i < n; i++) /* keep the lower factor only */
    for (int j = i + 1; j < n; j++) m->sector_chol[i * n + j] = 0;
  return PS_OK;
}

/* a table { [period] = number } into values[1..periods] */
static int read_by_period(const ps_entry *e, const char *field, const ps_model *m, double lo, double hi, double *values) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, field);
  int rc = PS_OK;
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  if (type != LUA_TTABLE) rc = ps_read_fail(e, field, "must be a table { [period] = value }");
  else {
    lua_pushnil(L);
    while (rc == PS_OK && lua_next(L, -2)) {
      int isint = 0;
      lua_Integer t = lua_tointegerx(L, -2, &isint);
      double v = lua_tonumber(L, -1);
      if (lua_type(L, -2) != LUA_TNUMBER || !isint || t < 1 || t > m->periods)
        rc = ps_read_fail(e, field, "keys must be periods 1..%d", m->periods);
      else if (lua_type(L, -1) != LUA_TNUMBER || !(v >= lo && v <= hi))
        rc = ps_read_fail(e, field, "the value for period %lld must be a number in [%g, %g]", (long long)t, lo, hi);
      else values[t] = v;
      lua_pop(L, 1);
    }
    if (rc) lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return rc;
}

/* stress = { factor = { [t] = shift }, pd_multiplier = { [t] = k } } */
static int read_stress(const ps_entry *scen, ps_model *m) {
  static const char *const fields[] = {"factor", "pd_multiplier", NULL};
  lua_State *L = scen->rd->L;
  size_t T = (size_t)m->periods + 1;
  if (!(m->stress_shift = calloc(T, sizeof(double))) || !(m->stress_pd = malloc(T * sizeof(double)))) return PS_ERUNTIME;
  for (size_t t = 0; t < T; t++) m->stress_pd[t] = 1;
  int type = ps_read_push(scen, "stress");
  if (type == LUA_TNIL) {
    lua_pop(L, 1);
    return PS_OK;
  }
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return ps_read_fail(scen, "stress", "must be a table { factor = {...}, pd_multiplier = {...} }");
  }
  ps_entry e = {scen->rd, "stress", NULL, NULL, lua_gettop(L), 1};
  int rc = ps_read_check_fields(&e, fields);
  if (!rc) rc = read_by_period(&e, "factor", m, -10, 10, m->stress_shift);
  if (!rc) rc = read_by_period(&e, "pd_multiplier", m, 0, 100, m->stress_pd);
  lua_pop(L, 1);
  return rc;
}

int ps_read_risk(const ps_entry *scen, ps_model *m) {
  static const char *const copulas[] = {"gaussian", "t", NULL};
  int copula, rc;
  if ((rc = ps_read_choice(scen, "copula", 0, PS_COPULA_GAUSSIAN, copulas, &copula))) return rc;
  m->copula = (ps_copula)copula;
  static const char *const samplings[] = {"plain", "importance", NULL};
  int sampling;
  if ((rc = ps_read_choice(scen, "sampling", 0, PS_SAMPLING_PLAIN, samplings, &sampling))) return rc;
  m->sampling = (ps_sampling)sampling;
  if ((rc = ps_read_in_range(scen, "nu", m->copula == PS_COPULA_T, 0, 0, 1000, &m->nu))) return rc;
  if (m->copula == PS_COPULA_GAUSSIAN && m->nu > 0)
    return ps_read_fail(scen, "nu", "applies to copula = \"t\" only");
  if (m->copula == PS_COPULA_T && m->nu < 1)
    return ps_read_fail(scen, "nu", "the t copula needs nu >= 1 degrees of freedom, got %g", m->nu);
  if ((rc = read_sectors(scen, m)) || (rc = read_correlation(scen, m))) return rc;
  return read_stress(scen, m);
}

/* pd = number, or { y1, y2, ... }: annual PD by year of age */
static int read_pd(const ps_entry *e, ps_segment *s) {
  lua_State *L = e->rd->L;
  int type = ps_read_push(e, "pd");
  if (type != LUA_TTABLE) {
    lua_pop(L, 1);
    return ps_read_in_range(e, "pd", s->new_loans > 0, 0, 0, 1, &s->pd); /* a tape's template: the tape's */
  }
  int n = (int)lua_rawlen(L, -1), rc = PS_OK;
  if (n == 0) rc = ps_read_fail(e, "pd", "a PD term structure needs at least one year: { 0.02, 0.03, ... }");
  else if (!(s->pd_by_year = calloc((size_t)n, sizeof(double)))) rc = PS_ERUNTIME;
  for (int i = 0; rc == PS_OK && i < n; i++) {
    lua_rawgeti(L, -1, i + 1);
    double v = lua_tonumber(L, -1);
    if (ps_read_is_uncertain(L, -1))
      rc = ps_read_fail(e, "pd", "poolsim.uncertain() takes a single PD, not a year of a term structure");
    else if (lua_type(L, -1) != LUA_TNUMBER || !(v >= 0 && v <= 1))
      rc = ps_read_fail(e, "pd", "year %d of the PD term structure must be in [0, 1]", i + 1);
    s->pd_by_year[i] = v;
    s->npd_years = i + 1;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (rc == PS_OK) s->pd = s->pd_by_year[0];
  return rc;
}

int ps_read_segment_risk(const ps_entry *e, ps_model *m, ps_segment *s) {
  int index = (int)(s - m->segments), uncertain, rc;
  if ((rc = ps_read_uncertain(e, "pd", m, index, PS_UNCERTAIN_PD, &s->pd, &uncertain))) return rc;
  if (!uncertain && (rc = read_pd(e, s))) return rc;
  if ((rc = ps_read_uncertain(e, "rho", m, index, PS_UNCERTAIN_RHO, &s->rho, &uncertain))) return rc;
  if (!uncertain && (rc = ps_read_in_range(e, "rho", 0, 0, 0, 0.999, &s->rho))) return rc;
  double rho_max = uncertain ? ps_dist_support_max(&m->uncertain[m->nuncertain - 1].dist) : s->rho;
  char *sector;
  s->sector = -1;
  if ((rc = ps_read_string(e, "sector", 0, &sector))) return rc;
  for (int k = 0; sector && k < m->nsectors; k++)
    if (strcmp(m->sectors[k].id, sector) == 0) s->sector = k;
  if (sector && s->sector < 0) rc = ps_read_fail(e, "sector", "'%s' is not a sector id (see sectors)", sector);
  free(sector);
  if (rc) return rc;
  if ((rc = ps_read_in_range(e, "rho_sector", 0, 0, 0, 0.999, &s->rho_sector))) return rc;
  if (s->rho_sector > 0 && s->sector < 0) return ps_read_fail(e, "rho_sector", "needs the segment's sector");
  if (s->rho + s->rho_sector >= 1)
    return ps_read_fail(e, "rho_sector", "rho + rho_sector = %g must stay below 1", s->rho + s->rho_sector);
  if (rho_max + s->rho_sector >= 1)
    return ps_read_fail(e, "rho_sector", "rho drawn up to %g (poolsim.uncertain) plus rho_sector %g can reach 1: rho + "
                        "rho_sector must stay below 1", rho_max, s->rho_sector);
  return ps_read_in_range(e, "lgd_downturn", 0, 0, 0, 5, &s->lgd_downturn);
}

/* the share of a mean-size loan's loss that payers other than the bank cover */
static double covered_share(const ps_segment *seg, const ps_programme *p) {
  double fractions[PS_MAX_SHARES] = {0}, covered = 0;
  ps_programme_fractions(p, (int64_t)llround(seg->loan.mean * PS_FEN_PER_YUAN), seg->share_points, fractions);
  for (int i = 0; i < p->nshares; i++)
    if (p->shares[i].account != p->bank) covered += fractions[i];
  return covered;
}

/* ps_segment_uplift — moral hazard: the PD rises with the cover others give (scenario/copula.h) */
double ps_segment_uplift(const ps_model *m, const ps_segment *seg) {
  const ps_programme *p = &m->programmes[seg->programme];
  return p->moral_hazard > 0 ? 1 + p->moral_hazard * covered_share(seg, p) : 1;
}

int ps_derive_hazards(ps_model *m) {
  for (int s = 0; s < m->nsegments; s++) {
    ps_segment *seg = &m->segments[s];
    double uplift = ps_segment_uplift(m, seg);
    if (!(seg->hazard = calloc((size_t)seg->tenor, sizeof(double))) ||
        !(seg->threshold = calloc((size_t)seg->tenor, sizeof(double))))
      return PS_ERUNTIME;
    for (int a = 0; a < seg->tenor; a++) {
      int year = (int)floor(a * m->dt + 1e-9);
      double pd = seg->pd_by_year ? seg->pd_by_year[year < seg->npd_years ? year : seg->npd_years - 1] : seg->pd;
      pd = fmin(1, pd * uplift);
      seg->hazard[a] = seg->kind == PS_SEGMENT_BRIDGE ? pd : 1 - pow(1 - pd, m->dt); /* a bridge's: per bridge */
      seg->threshold[a] = ps_copula_threshold(m, seg->hazard[a]);
    }
    if (!seg->loan_pd) continue;
    /* a loan-tape group: each loan's own flat hazard, with the group's uplift */
    long n = seg->loan.nitems;
    if (!(seg->loan_hazard = malloc((size_t)n * sizeof(double))) ||
        !(seg->loan_threshold = malloc((size_t)n * sizeof(double))))
      return PS_ERUNTIME;
    for (long i = 0; i < n; i++) {
      seg->loan_hazard[i] = 1 - pow(1 - fmin(1, seg->loan_pd[i] * uplift), m->dt);
      seg->loan_threshold[i] = ps_copula_threshold(m, seg->loan_hazard[i]);
    }
  }
  return PS_OK;
}
