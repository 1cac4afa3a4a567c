// Components that render a view model created elsewhere receive it as params.model; `onShow` starts
// whatever the model loads when it appears.

export function modelFromParams<Model>(onShow?: (model: Model) => Promise<void>): { createViewModel(params: { model: Model }): Model } {
  return {
    createViewModel(params) {
      if (onShow) void onShow(params.model);
      return params.model;
    },
  };
}
