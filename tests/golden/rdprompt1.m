rdprompt1 ; prompts in READ argument list
 read "Name: ",x
 write "got [",x,"]",!
 read !,"p",y
 write "got [",y,"]",!
 read "a: ",a,!,"b: ",b
 write "a=",a," b=",b,!
 read ?5,"tab",z
 write "got [",z,"] x=",$x,!
 quit
