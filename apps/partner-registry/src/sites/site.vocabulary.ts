/** What kind of premises a site is. */
export enum SiteKind {
  ShoppingCentre = 'SHOPPING_CENTRE',
  RetailStore = 'RETAIL_STORE',
  JewelleryShop = 'JEWELLERY_SHOP',
  TobaccoShop = 'TOBACCO_SHOP',
  HousingEstate = 'HOUSING_ESTATE',
  Office = 'OFFICE',
  Warehouse = 'WAREHOUSE',
  Other = 'OTHER',
}

/** Where a site's security plan (plan de sûreté) stands. */
export enum SecurityPlanStatus {
  None = 'NONE',
  Draft = 'DRAFT',
  Submitted = 'SUBMITTED',
  Approved = 'APPROVED',
}

/** What the large-retail convention recommends every site to have. */
export enum SiteRequirement {
  ApprovedSecurityPlan = 'APPROVED_SECURITY_PLAN',
  CrisisCoordinator = 'CRISIS_COORDINATOR',
}
