import { dropAppTemplate } from "../helpers/app-template"

export default dropAppTemplate
