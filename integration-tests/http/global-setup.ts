import { createAppTemplate } from "../helpers/app-template"

export default createAppTemplate
