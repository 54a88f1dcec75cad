/**
 * Given names and surnames for the synthetic youth of Chula Vista (South Bay San Diego): Spanish (with accents and
 * compound surnames), Filipino, Vietnamese and other Asian, and English names. Lists are ordered roughly by how
 * common the name is; the generator draws early entries more often (a skewed draw), so a few names repeat a lot and
 * most are rarer, as in a real registry. Every person the generator makes up is invented.
 */

const list = (text: string): readonly string[] => [
  ...new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

export const HISPANIC_FEMALE = list(`
  María, Sofía, Valeria, Camila, Ximena, Daniela, Guadalupe, Andrea, Natalia, Mariana, Isabella, Jimena, Alondra,
  Fernanda, Itzel, Yaretzi, Paola, Leslie, Karla, Abigail, Gabriela, Alejandra, Adriana, Diana, Vanessa, Jessica,
  Stephanie, Melanie, Evelyn, Ashley, Jacqueline, Brenda, Yesenia, Esmeralda, Lizbeth, Nayeli, Dulce, Araceli,
  Marisol, Rocío, Lucía, Regina, Renata, Victoria, Valentina, Génesis, Kimberly, Allison, Angélica, Arely, Yareli,
  Ariana, Briana, Cecilia, Cinthia, Claudia, Cristina, Elena, Estrella, Fátima, Giselle, Gloria, Irene, Janet,
  Joselyn, Julieta, Karen, Katherine, Laura, Liliana, Luz, Margarita, Maricela, Marisela, Mía, Miranda, Mónica,
  Nancy, Nataly, Noemí, Norma, Pamela, Patricia, Perla, Priscila, Rebeca, Rosa, Rubí, Samantha, Sandra, Sara,
  Selena, Silvia, Susana, Tania, Teresa, Verónica, Viviana, Wendy, Yadira, Yamileth, Zoe, Ana, Carmen, Citlali,
  Xiomara, Jazmín, Aylin, Danna, Melissa, Carolina, María José, Ana Sofía, Emily, Itzayana, Anahí, Belén, Montserrat
`);

export const HISPANIC_MALE = list(`
  José, Luis, Ángel, Diego, Miguel, Jesús, Carlos, Juan, Alejandro, Adrián, Emiliano, Mateo, Santiago, Julián, Iván,
  Jorge, Christopher, Brandon, Kevin, Eduardo, Antonio, Francisco, Fernando, Ricardo, Roberto, Manuel, Javier,
  Daniel, David, Óscar, Sergio, Raúl, Rubén, Víctor, Héctor, Hugo, Ignacio, Israel, Jaime, Joaquín, Leonardo,
  Lorenzo, Marco, Mario, Martín, Mauricio, Nicolás, Omar, Pablo, Pedro, Rafael, Ramón, Rodrigo, Salvador, Samuel,
  Saúl, Sebastián, Tomás, Ulises, Xavier, Alan, Alexis, Andrés, Armando, Arturo, Axel, Bryan, Cristian, Damián,
  Edgar, Efraín, Elías, Emanuel, Enrique, Erick, Esteban, Fabián, Felipe, Gael, Gerardo, Gilberto, Gustavo, Isaac,
  Jonathan, Josué, Leonel, Lucas, Marcos, Matías, Moisés, Noé, Osvaldo, Rogelio, Santos, Uriel, Alonso, Aarón,
  Abraham, Jair, Joel, Erik, Anthony, Jason, Dylan, Steven, Giovanni, Yahir, Bruno, Thiago, Juan Pablo, José Luis,
  Luis Ángel, Jesús Alberto, Iker, Emilio
`);

export const HISPANIC_SURNAMES = list(`
  García, Hernández, López, Martínez, González, Rodríguez, Pérez, Sánchez, Ramírez, Torres, Flores, Rivera, Gómez,
  Díaz, Reyes, Morales, Cruz, Ortiz, Gutiérrez, Chávez, Ramos, Ruiz, Mendoza, Vázquez, Castillo, Jiménez, Moreno,
  Romero, Álvarez, Núñez, Medina, Aguilar, Castro, Vargas, Salazar, Navarro, Delgado, Ibarra, Zamora, Estrada,
  Herrera, Rojas, Contreras, Guzmán, Muñoz, Luna, Ortega, Domínguez, Soto, Silva, Valdez, Espinoza, Sandoval,
  Cervantes, Fuentes, Carrillo, Ríos, Cabrera, Campos, Vega, Acosta, Márquez, Juárez, Rosales, Figueroa, Guerrero,
  Mejía, Padilla, Robles, Serrano, Molina, Cortés, Lara, Miranda, Ochoa, Ponce, Pacheco, Velázquez, Trujillo,
  Valencia, Villa, Cárdenas, Solís, Ávila, Beltrán, Bautista, Bermúdez, Calderón, Camacho, Cano, Carrasco,
  Castañeda, Cisneros, Corona, Durán, Escobar, Esparza, Galván, Gallegos, Garza, Gil, Godínez, Hidalgo, Huerta,
  Ledesma, León, Lozano, Macías, Maldonado, Marín, Meza, Montes, Montoya, Murillo, Nava, Olvera, Orozco, Pineda,
  Quintero, Quiroz, Rangel, Rentería, Rosas, Salas, Salinas, Santana, Santiago, Sosa, Tapia, Tovar, Treviño,
  Valenzuela, Velasco, Villanueva, Zúñiga, Arellano, Barajas, Barrera, Bravo, Cuevas, Enríquez, Félix, Franco,
  Garibay, Jaramillo, Lucero, Magaña, Mora, Peña, Quintana, Sepúlveda, Uribe, Vera, Zavala, De la Cruz, De León,
  Del Toro, Arreola, Becerra, Chavira, Hinojosa, Partida, Saucedo, Ulloa, Verdugo, Zepeda
`);

export const FILIPINO_FEMALE = list(`
  Angel, Kristine, Maria, Princess, Mae, Joy, Jasmine, Nicole, Bea, Patricia, Andrea, Camille, Czarina, Divina,
  Grace, Hazel, Janelle, Kimberly, Lovely, Mikaela, Rhea, Sheila, Trisha, Angelica, Kayla, Jillian, Danica,
  Francesca, Aubrey, Clarisse
`);

export const FILIPINO_MALE = list(`
  Angelo, Christian, Mark, John Paul, Jericho, Paolo, Carlo, Miguel, Rafael, Gabriel, Joshua, Justin, Kyle,
  Nathaniel, Ramon, Jose, Joseph, Francis, Vincent, Adrian, Jerome, Marvin, Renz, Aldrin, Jhon, Lorenzo, Elijah,
  Ryan, Jasper, Dominic
`);

export const FILIPINO_SURNAMES = list(`
  Santos, Reyes, Cruz, Bautista, Dela Cruz, Garcia, Mendoza, Villanueva, Ramos, Aquino, Castillo, Fernandez,
  Gonzales, Del Rosario, De Guzman, Pascual, Manalo, Mercado, Soriano, Tolentino, Dizon, Salvador, Navarro, Domingo,
  Rivera, Aguilar, Flores, Lopez, Torres, Macaraeg, Panganiban, Lacson, Sison, Tan, Lim, Agbayani, Bacani, Abalos,
  Samonte, Magbanua, Dimaculangan, Maglaya, Valdez, Evangelista, Ocampo, Padilla, Roxas, Sarmiento, Umali,
  Calderon, Cariño, Buenaventura, Esguerra, Gatchalian, Mangahas, Sumalpong
`);

export const ASIAN_FEMALE = list(`
  Emily, Grace, Michelle, Jennifer, Vivian, Linh, Anh, Thao, Mai, Tiffany, Amy, Christine, Jenny, Kathy, Lily,
  Nhi, Ngoc, Hannah, Chloe, Sarah, Ji-woo, Seo-yeon, Mei, Wendy, Alice
`);

export const ASIAN_MALE = list(`
  Kevin, Andrew, Ethan, Ryan, Brian, Jason, Daniel, Eric, Tony, Minh, Khoa, Bao, Duc, Huy, Long, Nam, Tuan, Vincent,
  Derek, Justin, Jae, Min-jun, Wei, Aaron, Henry
`);

export const ASIAN_SURNAMES = list(`
  Nguyen, Tran, Le, Pham, Hoang, Huynh, Vo, Dang, Bui, Do, Ngo, Duong, Kim, Lee, Park, Choi, Chen, Wang, Li, Liu,
  Zhang, Wong, Chang, Lin, Huang, Tanaka, Nakamura, Patel, Shah, Singh, Yang, Vu, Truong, Phan, Ly, Lam, Ho
`);

export const ENGLISH_FEMALE = list(`
  Emily, Olivia, Ava, Madison, Chloe, Hannah, Grace, Kayla, Jasmine, Aaliyah, Mia, Abigail, Emma, Sophia, Isabella,
  Charlotte, Amelia, Harper, Evelyn, Avery, Ella, Scarlett, Lily, Aubrey, Zoey, Brooklyn, Savannah, Addison, Natalie,
  Leah, Audrey, Claire, Skylar, Paisley, Bella, Nevaeh, Kennedy, Peyton, Morgan, Taylor, Jordan, Destiny, Imani,
  Zoe, Trinity, Diamond, Ashley, Brianna, Jada, Kiara, Alyssa, Sydney, Rachel, Megan, Lauren, Samantha, Haley,
  Caitlyn, Riley, Makayla, Jenna, Faith, Hailey, Alexis, Victoria, Kylie, Sierra, Autumn, Jocelyn, Maya, Aniyah,
  Khloe, Janiyah, Amani
`);

export const ENGLISH_MALE = list(`
  Ethan, Jacob, Noah, Tyler, Joshua, Ryan, Jayden, Malik, Andrew, Nathan, Justin, Marcus, Liam, Mason, William,
  James, Benjamin, Elijah, Logan, Alexander, Michael, Jackson, Aiden, Owen, Carter, Wyatt, Jack, Luke, Grayson,
  Levi, Isaiah, Jaxon, Hunter, Connor, Caleb, Cameron, Austin, Dominic, Tristan, Cole, Jordan, Dylan, Xavier,
  Jeremiah, DeShawn, Darius, Terrell, Andre, Jamal, Trevor, Garrett, Blake, Chase, Devin, Derek, Zachary, Brandon,
  Cody, Travis, Kyle, Sean, Patrick, Evan, Ian, Gavin, Colton, Bryce, Jalen, Kendrick, Jaylen, Cedric, Marquis
`);

export const ENGLISH_SURNAMES = list(`
  Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore, Jackson, Martin,
  Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Hill, Green, Adams,
  Baker, Nelson, Carter, Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart,
  Morris, Murphy, Cook, Rogers, Morgan, Cooper, Peterson, Bailey, Reed, Kelly, Howard, Cox, Ward, Richardson,
  Watson, Brooks, Wood, James, Bennett, Gray, Hughes, Price, Sanders, Myers, Long, Ross, Foster, Powell, Jenkins,
  Perry, Russell, Sullivan, Bell, Coleman, Butler, Henderson, Barnes, Fisher, Henry, Graham, Hayes, Marshall, Owens,
  Ellis, Harrison, Gibson, McDonald, Wallace, Wells, West, Cole, Jordan, Reynolds, Hamilton, Ford, Shaw, Gordon,
  Holmes, Rice, Hunt, Black, Daniels, Palmer, Mills, Grant, Knight, Ferguson, Stone, Hawkins, Dunn, Perkins,
  Hudson, Spencer, Stephens, Pierce, Hansen, Larson, Olson, Carlson, Schmidt, Weber, Meyer, O'Connor, O'Brien,
  McCarthy, Murray, Freeman, Webb, Simpson, Stevens, Tucker, Porter, Hunter, Hicks, Crawford, Boyd, Mason, Warren,
  Dixon, Burns, Fox, Rose, Washington, Jefferson, Banks, Mosley, Gaines, Whitfield, Battle, Toussaint, Fa'amausili,
  Tuiasosopo, Kealoha
`);

/** Adult given names for guardians (and staff accounts) of each group. */
export const ADULT_FEMALE = list(`
  María, Guadalupe, Rosa, Ana, Laura, Patricia, Claudia, Verónica, Leticia, Elizabeth, Silvia, Adriana, Maribel,
  Norma, Gabriela, Yolanda, Araceli, Sandra, Teresa, Martha, Lorena, Alma, Juana, Blanca, Erika, Irma, Lucía
`);
export const ADULT_MALE = list(`
  José, Juan, Jesús, Miguel, Francisco, Luis, Antonio, Jorge, Alejandro, Manuel, Ricardo, Roberto, Javier, Rafael,
  Fernando, Arturo, Sergio, Carlos, Raúl, Martín, Héctor, Rubén, Pedro, Ramón, Alfredo, Enrique, Óscar
`);
export const ADULT_OTHER_FEMALE = list(`
  Jennifer, Michelle, Lisa, Kimberly, Amanda, Melissa, Stephanie, Nicole, Angela, Rebecca, Tiffany, Christina,
  Heather, Kristine, Maricel, Rowena, Thuy, Lan, Hoa, Sunny, Tamika, LaToya, Keisha, Sarah, Karen
`);
export const ADULT_OTHER_MALE = list(`
  Michael, David, Christopher, James, Robert, Brian, Jason, Kevin, Matthew, Eric, Anthony, Mark, Steven, Rodel,
  Romeo, Arnel, Quang, Thanh, Hung, Dennis, Marcus, Derrick, Terrence, Andre, Paul
`);
