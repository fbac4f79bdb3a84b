package org.knime.core.node;

/** Stand-in for KNIME 5.1's {@code AbstractNodeView}. */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    private final T m_viewableModel;

    protected AbstractNodeView(final T viewableModel) {
        if (viewableModel == null) {
            throw new NullPointerException("Model must not be null.");
        }
        m_viewableModel = viewableModel;
    }

    protected final T getViewableModel() {
        return m_viewableModel;
    }

    protected abstract void modelChanged();

    /** Marker of what a view can show. */
    public static interface ViewableModel {
    }
}
